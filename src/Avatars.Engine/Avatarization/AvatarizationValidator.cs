using System.Globalization;
using Avatars.Data;

namespace Avatars.Engine.Avatarization;

/// <summary>
/// Checks a table and its parameters before any work starts, so a mistake gets a precise message
/// naming the table, column or parameter and what to do (DESIGN §7).
/// </summary>
internal static class AvatarizationValidator
{
    /// <summary>Categorical columns with a distinct value on every row look like identifiers from this many rows on.</summary>
    public const int IdentifierCheckMinimumRows = 10;

    /// <summary>Validates; returns warnings that do not stop the run.</summary>
    /// <exception cref="AvatarizationException">The table or a parameter is not usable.</exception>
    public static List<string> Validate(Table table, AvatarizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<string>();
        var name = table.Name;
        if (table.ColumnCount == 0)
        {
            throw new AvatarizationException($"Table '{name}' has no columns.", name);
        }

        var n = table.RowCount;
        if (n == 0)
        {
            throw new AvatarizationException($"Table '{name}' is empty: it has a header but no rows. Avatarization needs at least 2 rows.", name);
        }

        if (options.K < 1)
        {
            throw new AvatarizationException($"k = {options.K} must be at least 1 (typical values: 5 to 30).", name, parameter: "k");
        }

        if (options.K >= n)
        {
            throw new AvatarizationException(
                $"k = {options.K} must be smaller than the number of rows of table '{name}' ({n}). Use k ≤ {Math.Max(1, n - 1)}.", name, parameter: "k");
        }

        if (options.Ncp is < 1)
        {
            throw new AvatarizationException($"ncp = {options.Ncp} must be at least 1 (default 5).", name, parameter: "ncp");
        }

        if (!(options.ContributionBase > 0 && options.ContributionBase <= 1))
        {
            throw new AvatarizationException($"The contribution base {options.ContributionBase.ToString(CultureInfo.InvariantCulture)} must be in (0, 1].", name, parameter: "contribution_base");
        }

        CheckColumns(table, options.IdentifierColumns, "identifier columns", "identifiers");
        CheckColumns(table, options.ExcludeVariables, "exclude_variable_names", "exclude_variable_names");
        foreach (var id in options.IdentifierColumns)
        {
            if (options.ExcludeVariables.Contains(id, StringComparer.Ordinal))
            {
                throw new AvatarizationException($"Column '{id}' of table '{name}' is both an identifier and an excluded variable: choose one.", name, id, "exclude_variable_names");
            }
        }

        if (options.ColumnWeights is { } weights)
        {
            CheckColumns(table, weights.Keys, "column_weights", "column_weights");
            foreach (var (column, weight) in weights)
            {
                if (!(weight > 0) || !double.IsFinite(weight))
                {
                    throw new AvatarizationException(
                        $"The weight of column '{column}' of table '{name}' is {weight.ToString(CultureInfo.InvariantCulture)}; column weights must be positive finite numbers (default 1).",
                        name, column, "column_weights");
                }

                if (options.ExcludeVariables.Contains(column, StringComparer.Ordinal) || options.IdentifierColumns.Contains(column, StringComparer.Ordinal))
                {
                    throw new AvatarizationException($"Column '{column}' of table '{name}' has a weight but is excluded from the avatarization: remove one of the two settings.", name, column, "column_weights");
                }
            }
        }

        var imputation = options.Imputation;
        if (imputation.K < 1)
        {
            throw new AvatarizationException($"imputation_k = {imputation.K} must be at least 1.", name, parameter: "imputation_k");
        }

        if (!(imputation.TrainingFraction > 0 && imputation.TrainingFraction <= 1))
        {
            throw new AvatarizationException(
                $"imputation_training_fraction = {imputation.TrainingFraction.ToString(CultureInfo.InvariantCulture)} must be in (0, 1].", name, parameter: "imputation_training_fraction");
        }

        var modelled = table.Columns
            .Where(c => !options.IdentifierColumns.Contains(c.Name, StringComparer.Ordinal) && !options.ExcludeVariables.Contains(c.Name, StringComparer.Ordinal))
            .ToList();
        if (modelled.Count == 0)
        {
            throw new AvatarizationException($"Table '{name}' has no column left to avatarize once identifiers and excluded variables are removed.", name);
        }

        foreach (var column in modelled)
        {
            CheckColumn(table, column, warnings);
        }

        return warnings;
    }

    private static void CheckColumn(Table table, Column column, List<string> warnings)
    {
        var n = table.RowCount;
        if (column.MissingCount == n)
        {
            throw new AvatarizationException(
                $"Column '{column.Name}' of table '{table.Name}' has no values (all {n} are missing). Drop it from the table or list it in exclude_variable_names.",
                table.Name, column.Name);
        }

        var distinct = DistinctCount(column, out var example);
        if (distinct == 1)
        {
            warnings.Add($"Column '{column.Name}' of table '{table.Name}' is constant (every value is {example}): it carries no information and is copied as is to the avatars.");
        }

        if (column.Type == ColumnType.Category && n >= IdentifierCheckMinimumRows && distinct == n - column.MissingCount)
        {
            throw new AvatarizationException(
                $"Column '{column.Name}' of table '{table.Name}' has a different value on every row ({distinct} distinct values for {n} rows): it looks like an identifier, "
                + "which would make every individual unique. Declare it as an identifier column (it is then dropped) or list it in exclude_variable_names.",
                table.Name, column.Name);
        }
    }

    private static int DistinctCount(Column column, out string? example)
    {
        example = null;
        if (column is CategoryColumn category)
        {
            var seen = new bool[category.LevelCount];
            var count = 0;
            foreach (var code in category.Codes)
            {
                if (code >= 0 && !seen[code])
                {
                    seen[code] = true;
                    count++;
                    example ??= category.Levels[code];
                }
            }

            return count;
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < column.Length; r++)
        {
            var text = column.FormatValue(r);
            if (text is not null && values.Add(text))
            {
                example ??= text;
                if (values.Count > 1 && column.Type != ColumnType.Category)
                {
                    return values.Count; // only "constant or not" matters for non-categorical columns
                }
            }
        }

        return values.Count;
    }

    private static void CheckColumns(Table table, IEnumerable<string> names, string what, string parameter)
    {
        foreach (var name in names)
        {
            if (!table.Contains(name))
            {
                throw new AvatarizationException($"{what}: {table.UnknownColumnMessage(name)}", table.Name, name, parameter);
            }
        }
    }
}
