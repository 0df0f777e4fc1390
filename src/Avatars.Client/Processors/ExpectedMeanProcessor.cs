using Avatars.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Avatars.Client.Processors;

/// <summary>
/// Forces avatarized numeric columns to have the mean (and optionally the standard deviation) of the
/// original data, overall or per group of rows sharing the values of some columns.
/// </summary>
public sealed class ExpectedMeanProcessor : IProcessor
{
    private readonly ILogger logger;
    private Dictionary<string, GroupStats[]>? reference;

    /// <summary>Creates the processor.</summary>
    /// <param name="targetVariables">The numeric columns to correct.</param>
    /// <param name="groupByVariables">The columns defining the groups (missing values form a group); null for one group of all rows.</param>
    /// <param name="sameStd">Also rescale to the original standard deviation of each group.</param>
    /// <param name="logger">Receives the warnings (zero standard deviation, groups unseen at fit time).</param>
    /// <exception cref="ArgumentException"><paramref name="targetVariables"/> is empty.</exception>
    public ExpectedMeanProcessor(
        IReadOnlyList<string> targetVariables,
        IReadOnlyList<string>? groupByVariables = null,
        bool sameStd = false,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(targetVariables);
        if (targetVariables.Count == 0)
        {
            throw new ArgumentException("Expected at least one target variable.", nameof(targetVariables));
        }

        TargetVariables = targetVariables.ToArray();
        GroupByVariables = groupByVariables?.ToArray() ?? [];
        SameStd = sameStd;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The columns corrected.</summary>
    public IReadOnlyList<string> TargetVariables { get; }

    /// <summary>The columns defining the groups (empty: one group of all rows).</summary>
    public IReadOnlyList<string> GroupByVariables { get; }

    /// <summary>Whether the standard deviation is matched too.</summary>
    public bool SameStd { get; }

    /// <summary>Computes the reference mean and standard deviation of each target per group.</summary>
    /// <returns><paramref name="data"/> itself (the data is not transformed).</returns>
    /// <exception cref="ArgumentException">A target or group column is missing, or a target is not numeric.</exception>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        reference = Statistics(data, "data");
        return data;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><see cref="Preprocess"/> was not called first.</exception>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(dest);
        if (reference is null)
        {
            throw new InvalidOperationException("Call Preprocess on the original data before Postprocess.");
        }

        var current = Statistics(dest, "dest");
        var keys = GroupKeys(dest);
        var unseen = keys.Distinct(StringComparer.Ordinal).Where(k => !reference.ContainsKey(k)).ToArray();
        if (unseen.Length > 0)
        {
            // Python's inner join dropped these rows; they are kept unchanged instead.
            logger.LogWarning(
                "{Count} group(s) of the avatarized data do not exist in the original data; their rows are left unchanged.",
                unseen.Length);
        }

        var result = dest;
        for (var t = 0; t < TargetVariables.Count; t++)
        {
            var name = TargetVariables[t];
            var useStd = SameStd;
            if (SameStd && current.Values.Any(g => g[t].Std == 0))
            {
                logger.LogWarning(
                    "target variable {Variable} has a std of 0. The same standard deviation cannot be guaranteed for this variable.",
                    name);
                useStd = false;
            }

            var values = ColumnData.ToDoubles(dest[name]);
            for (var r = 0; r < values.Length; r++)
            {
                if (!reference.TryGetValue(keys[r], out var refStats))
                {
                    continue;
                }

                var cur = current[keys[r]][t];
                var refer = refStats[t];
                values[r] = useStd
                    ? refer.Mean + ((values[r] - cur.Mean) * (refer.Std / cur.Std))
                    : refer.Mean + (values[r] - cur.Mean);
            }

            result = result.WithColumn(new FloatColumn(name, values));
        }

        return result;
    }

    private Dictionary<string, GroupStats[]> Statistics(Table table, string role)
    {
        foreach (var name in GroupByVariables.Concat(TargetVariables))
        {
            if (!table.Contains(name))
            {
                throw new ArgumentException($"Expected variable '{name}' in {role}, got columns {string.Join(", ", table.ColumnNames)} instead.", name);
            }
        }

        var keys = GroupKeys(table);
        var targets = TargetVariables.Select(n => ColumnData.ToDoubles(table[n])).ToArray();
        var rowsByGroup = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; r < keys.Length; r++)
        {
            if (!rowsByGroup.TryGetValue(keys[r], out var rows))
            {
                rows = [];
                rowsByGroup.Add(keys[r], rows);
            }

            rows.Add(r);
        }

        return rowsByGroup.ToDictionary(
            p => p.Key,
            p => targets.Select(values => GroupStats.Of(p.Value.Select(r => values[r]))).ToArray(),
            StringComparer.Ordinal);
    }

    private string[] GroupKeys(Table table)
    {
        var columns = GroupByVariables.Select(n => table[n]).ToArray();
        var keys = new string[table.RowCount];
        for (var r = 0; r < keys.Length; r++)
        {
            // Unit separator between values, NUL for a missing value: no collision with real text.
            keys[r] = string.Join('\u001f', columns.Select(c => ColumnData.Key(c, r) ?? "\0"));
        }

        return keys;
    }

    /// <summary>The mean and the sample standard deviation (ddof 1; NaN under two values) of the non-missing values.</summary>
    private readonly record struct GroupStats(double Mean, double Std)
    {
        public static GroupStats Of(IEnumerable<double> values)
        {
            var present = values.Where(v => !double.IsNaN(v)).ToArray();
            if (present.Length == 0)
            {
                return new GroupStats(double.NaN, double.NaN);
            }

            var mean = present.Average();
            if (present.Length < 2)
            {
                return new GroupStats(mean, double.NaN);
            }

            var variance = present.Sum(v => (v - mean) * (v - mean)) / (present.Length - 1);
            return new GroupStats(mean, Math.Sqrt(variance));
        }
    }
}
