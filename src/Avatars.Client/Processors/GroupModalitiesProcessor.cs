using System.Globalization;
using Avatars.Client.Lib;
using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Groups rare modalities of categorical columns into one new category before avatarization, so that
/// no rare value can single out an individual. Either per-column thresholds are given, or a global
/// threshold applies to every non-numeric column with at least a minimum number of distinct values.
/// A modality seen at most <c>threshold</c> times is replaced; missing values are left alone.
/// </summary>
public sealed class GroupModalitiesProcessor : IProcessor
{
    private IReadOnlyDictionary<string, int> fittedThresholds = new Dictionary<string, int>();

    /// <summary>Creates the processor.</summary>
    /// <param name="variableThresholds">Per-column thresholds; exclusive with <paramref name="globalThreshold"/>.</param>
    /// <param name="minUnique">With <paramref name="globalThreshold"/>: only non-numeric columns with at least this many distinct values are grouped.</param>
    /// <param name="globalThreshold">The threshold applied to every qualifying column; requires <paramref name="minUnique"/>.</param>
    /// <param name="newCategory">The category that replaces the rare modalities.</param>
    /// <exception cref="ArgumentException">
    /// Only one of <paramref name="minUnique"/> and <paramref name="globalThreshold"/> is set, or neither or both of
    /// <paramref name="variableThresholds"/> and <paramref name="globalThreshold"/> are set.
    /// </exception>
    public GroupModalitiesProcessor(
        IReadOnlyDictionary<string, int>? variableThresholds = null,
        int? minUnique = null,
        int? globalThreshold = null,
        string newCategory = "other")
    {
        ArgumentNullException.ThrowIfNull(newCategory);

        // Python tests truthiness: 0 counts as "not set", an empty dictionary too.
        var hasMin = minUnique is not null and not 0;
        var hasGlobal = globalThreshold is not null and not 0;
        var hasVariables = variableThresholds is { Count: > 0 };
        if (hasMin != hasGlobal)
        {
            throw new ArgumentException(
                $"Expected both of (global_threshold, min_unique), got({Show(globalThreshold)}, {Show(minUnique)}) instead.",
                hasMin ? nameof(globalThreshold) : nameof(minUnique));
        }

        if (hasVariables == hasGlobal)
        {
            var thresholds = variableThresholds is null
                ? "None"
                : "{" + string.Join(", ", variableThresholds.Select(p => $"'{p.Key}': {p.Value.ToString(CultureInfo.InvariantCulture)}")) + "}";
            throw new ArgumentException(
                $"Expected variable_thresholds or (threshold, min_unique),got variable_thresholds {thresholds} and (threshold, min_unique) ({Show(globalThreshold)}, {Show(minUnique)}) instead.",
                nameof(variableThresholds));
        }

        VariableThresholds = variableThresholds is null ? null : new Dictionary<string, int>(variableThresholds, StringComparer.Ordinal);
        MinUnique = minUnique;
        GlobalThreshold = globalThreshold;
        NewCategory = newCategory;
    }

    /// <summary>The per-column thresholds given at construction (null in global mode).</summary>
    public IReadOnlyDictionary<string, int>? VariableThresholds { get; }

    /// <summary>The minimum number of distinct values of a column grouped in global mode.</summary>
    public int? MinUnique { get; }

    /// <summary>The threshold of global mode.</summary>
    public int? GlobalThreshold { get; }

    /// <summary>The category that replaces rare modalities.</summary>
    public string NewCategory { get; }

    /// <summary>The thresholds applied by the last <see cref="Preprocess"/> call (per-column, or the global ones chosen then).</summary>
    public IReadOnlyDictionary<string, int> FittedThresholds => fittedThresholds;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A column of <see cref="VariableThresholds"/> is not in the table.</exception>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Dictionary<string, int> thresholds;
        if (VariableThresholds is { Count: > 0 })
        {
            var unknown = VariableThresholds.Keys.Where(k => !data.Contains(k)).ToArray();
            if (unknown.Length > 0)
            {
                throw new ArgumentException(
                    $"Expected valid variables in variable_thresholds, got [{string.Join(", ", unknown.Select(u => $"'{u}'"))}] instead.",
                    nameof(data));
            }

            thresholds = new Dictionary<string, int>(VariableThresholds, StringComparer.Ordinal);
        }
        else
        {
            // Global mode: non-numeric columns (categories, booleans, timestamps) with enough distinct values.
            var (_, categorical) = ColumnTypes.SplitColumnsTypes(data);
            thresholds = categorical
                .Select(i => data[i])
                .Where(c => ColumnTypes.DistinctCount(c) >= MinUnique)
                .ToDictionary(c => c.Name, _ => GlobalThreshold!.Value, StringComparer.Ordinal);
        }

        // Kept apart from the constructor's thresholds (Python overwrote them, so a second call reused the first fit).
        fittedThresholds = thresholds;
        var result = data;
        foreach (var (name, threshold) in thresholds)
        {
            result = result.WithColumn(Group(data[name], threshold));
        }

        return result;
    }

    /// <summary>Returns <paramref name="dest"/> unchanged: grouping is not reversible.</summary>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(dest);
        return dest;
    }

    private Column Group(Column column, int threshold)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < column.Length; r++)
        {
            if (!column.IsMissing(r))
            {
                var key = column.FormatValue(r)!;
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var rare = counts.Where(p => p.Value <= threshold).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (rare.Count == 0)
        {
            return column;
        }

        // Mixing the new category into a non-text column makes it categorical, as pandas' replace gives object.
        var texts = new string?[column.Length];
        for (var r = 0; r < texts.Length; r++)
        {
            var value = column.FormatValue(r);
            texts[r] = value is not null && rare.Contains(value) ? NewCategory : value;
        }

        return CategoryColumn.FromValues(column.Name, texts);
    }

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "None";
}
