using System.Globalization;
using Avatars.Data;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Privacy;

/// <summary>
/// The table-level DP entry for the vendor's <c>avatarization_dp</c> parameters (project design, not vendor parity;
/// docs/differential-privacy.md §7). Numeric columns without declared bounds get bounds estimated with DP
/// (<see cref="PrivateBounds"/>) from ε_b = BoundsBudgetRatio · ε, split equally over those columns; the remaining
/// ε − ε_b runs <see cref="DifferentialPrivacyAvatarizer"/>. Category levels are taken from the table as a public
/// domain (flagged in the result).
/// </summary>
public static class DifferentialPrivacyTableAvatarizer
{
    private const ulong BoundsStream = 0xD7;
    private const int MinNcp = 1;
    private const int MaxNcp = 4;
    private const int DefaultNcp = 2;

    /// <summary>Avatarizes one table with ε-differential privacy, estimating the missing numeric bounds privately.</summary>
    /// <param name="table">The original table (no missing values in avatarized columns; float, int, bool and category columns).</param>
    /// <param name="options">The budget, its split, vendor parameters, declared bounds and identifiers.</param>
    /// <returns>The avatars, the accounting (ε = ε_b + ε₁ + ε₂), the bounds used and notes.</returns>
    /// <exception cref="DifferentialPrivacyException">A parameter or the table is not usable; the message names the table, column or parameter and what to do.</exception>
    public static DifferentialPrivacyTableResult Avatarize(Table table, DifferentialPrivacyTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        ValidateParameters(table, options);
        var ids = options.IdentifierColumns.ToHashSet(StringComparer.Ordinal);
        var declared = options.DeclaredBounds ?? new Dictionary<string, ColumnBounds>();
        var modelled = table.Columns.Where(c => !ids.Contains(c.Name)).ToArray();
        ValidateColumns(table, modelled, declared);

        var notes = new List<string>();
        var seed = options.Seed ?? RowRandom.NewSeed();
        var estimated = modelled.Where(c => c is FloatColumn or IntColumn && !declared.ContainsKey(c.Name)).Select(c => c.Name).ToArray();
        var boundsEpsilon = estimated.Length == 0 ? 0 : options.BoundsBudgetRatio * options.Epsilon;
        var perColumn = estimated.Length == 0 ? 0 : boundsEpsilon / estimated.Length;

        var bounds = new Dictionary<string, ColumnBounds>(StringComparer.Ordinal);
        for (var c = 0; c < modelled.Length; c++)
        {
            var column = modelled[c];
            if (column is not (FloatColumn or IntColumn))
            {
                continue;
            }

            if (declared.TryGetValue(column.Name, out var given))
            {
                bounds[column.Name] = given;
                continue;
            }

            var random = new RowRandom(seed, BoundsStream, (ulong)c);
            var values = column is FloatColumn f ? f.Values.ToArray() : [.. ((IntColumn)column).Values.ToArray().Select(v => (double)v)];
            var b = PrivateBounds.Estimate(values, perColumn, PrivateBounds.DefaultLowerQuantile, PrivateBounds.DefaultUpperQuantile, ref random);
            bounds[column.Name] = b;
            notes.Add(Invariant($"Bounds of '{column.Name}' estimated with DP (ε = {perColumn:G4}, exponential-mechanism 5th/95th percentiles on the public grid): [{b.Lower}, {b.Upper}]; values outside are clipped."));
            if (values.Length * perColumn < PrivateBounds.ReliableRowsTimesEpsilon)
            {
                notes.Add(Invariant($"Bounds of '{column.Name}' may be far too wide: rows × ε = {values.Length * perColumn:G4} is below the ≈ {PrivateBounds.ReliableRowsTimesEpsilon} from which the private quantiles are reliable. Declare public bounds for this column, or use more rows or a larger budget."));
            }
        }

        var width = modelled.Sum(c => c switch
        {
            CategoryColumn category => category.Levels.Count,
            BoolColumn => 2,
            _ => 1,
        });
        var requested = options.Ncp ?? DefaultNcp;
        var ncp = Math.Clamp(requested, MinNcp, MaxNcp);
        if (ncp != requested)
        {
            notes.Add($"ncp = {requested} is outside the {MinNcp}–{MaxNcp} that differentially private avatarization supports: {ncp} used.");
        }

        if (ncp > width)
        {
            notes.Add($"ncp = {ncp} exceeds the width of the encoded rows ({width}): {width} used.");
            ncp = width;
        }

        if (options.UseCategoricalReduction)
        {
            notes.Add("use_categorical_reduction = true ignored: the DP mechanism one-hot encodes every declared level and has no categorical reduction.");
        }

        var categories = modelled.OfType<CategoryColumn>().ToArray();
        if (categories.Length > 0)
        {
            notes.Add($"Levels of {string.Join(", ", categories.Select(c => $"'{c.Name}' ({c.Levels.Count})"))} taken from the table and treated as a public domain: the level lists are not protected by ε (a level only one individual has is revealed by its presence).");
        }

        var inner = DifferentialPrivacyAvatarizer.Avatarize(table, new DifferentialPrivacyOptions
        {
            Epsilon = options.Epsilon - boundsEpsilon,
            PreprocessBudgetRatio = options.PreprocessBudgetRatio,
            Ncp = ncp,
            Bounds = bounds,
            IdentifierColumns = options.IdentifierColumns,
            Seed = seed,
        });

        var accounting = new DifferentialPrivacyTableAccounting(options.Epsilon, boundsEpsilon, estimated.Length, inner.Accounting);
        return new DifferentialPrivacyTableResult(
            inner.Avatars, seed, accounting, bounds.AsReadOnly(), Array.AsReadOnly(estimated), categories.Length > 0, ncp, notes.AsReadOnly());
    }

    private static void ValidateParameters(Table table, DifferentialPrivacyTableOptions options)
    {
        DifferentialPrivacyChecks.Common(table, options.Epsilon, options.PreprocessBudgetRatio, options.IdentifierColumns);
        if (!(options.BoundsBudgetRatio > 0 && options.BoundsBudgetRatio < 1))
        {
            throw new DifferentialPrivacyException(
                $"bounds_budget_ratio = {options.BoundsBudgetRatio} must be strictly between 0 and 1 (the share of dp_epsilon spent on estimating the bounds of numeric columns without declared bounds).",
                table.Name, parameter: "bounds_budget_ratio");
        }
    }

    private static void ValidateColumns(Table table, Column[] modelled, IReadOnlyDictionary<string, ColumnBounds> declared)
    {
        if (modelled.Length == 0)
        {
            throw new DifferentialPrivacyException($"Table '{table.Name}' has no column left to avatarize.", table.Name);
        }

        foreach (var (name, b) in declared)
        {
            if (!table.TryGetColumn(name, out var column))
            {
                throw new DifferentialPrivacyException(
                    $"Bounds are declared for column '{name}', which table '{table.Name}' does not have.", table.Name, name);
            }

            if (column is not (FloatColumn or IntColumn))
            {
                throw new DifferentialPrivacyException(
                    $"Bounds are declared for column '{name}' of table '{table.Name}', which has type {column.Type.ToYamlName()}: bounds apply to numeric (float, int) columns only.",
                    table.Name, name);
            }

            if (!double.IsFinite(b.Lower) || !double.IsFinite(b.Upper) || b.Lower >= b.Upper)
            {
                throw new DifferentialPrivacyException(
                    Invariant($"The bounds of column '{name}' must be finite with lower < upper (got [{b.Lower}, {b.Upper}])."), table.Name, name);
            }
        }

        foreach (var column in modelled)
        {
            if (column is not (FloatColumn or IntColumn or BoolColumn or CategoryColumn))
            {
                throw new DifferentialPrivacyException(
                    $"Column '{column.Name}' of table '{table.Name}' has type {column.Type.ToYamlName()}, which differentially private avatarization does not support (float, int, bool and category only). Convert it before the job (e.g. a date to days since a fixed public date, with declared bounds) or list it among the identifier columns to leave it out of the avatars.",
                    table.Name, column.Name);
            }

            if (column.MissingCount > 0)
            {
                throw new DifferentialPrivacyException(
                    $"Column '{column.Name}' of table '{table.Name}' has {column.MissingCount} missing values: differentially private avatarization does not impute. Fill them with a data-independent value (e.g. a fixed code or constant) or remove those rows before the job, or list the column among the identifier columns to leave it out of the avatars.",
                    table.Name, column.Name);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
