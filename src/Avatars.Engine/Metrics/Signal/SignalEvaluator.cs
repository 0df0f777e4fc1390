using Avatars.Data;
using Avatars.Engine.Avatarization;

namespace Avatars.Engine.Metrics.Signal;

/// <summary>
/// Evaluates the signal (utility) metrics of avatars against their original table (method.md §7): the Hellinger
/// distance of every variable's marginal distribution and the correlation difference ratio of the continuous
/// variables. Both compare distributions only, so the avatars may be shuffled and may have another row count.
/// </summary>
public static class SignalEvaluator
{
    /// <summary>Computes the signal metrics.</summary>
    /// <param name="original">The original table; its columns (minus the ignored ones) are the variables compared.</param>
    /// <param name="avatars">The avatars: every compared column present with a compatible type; extra columns are not compared.</param>
    /// <param name="options">Evaluation settings (defaults: 20 bins, no ignored column).</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <exception cref="AvatarizationException">
    /// A table is empty, a column is missing from the avatars, types differ (<c>int</c> and <c>float</c> are
    /// interchangeable), an ignored column exists in neither table, or an option is out of range.
    /// </exception>
    public static SignalMetrics Evaluate(Table original, Table avatars, SignalMetricsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        options ??= new SignalMetricsOptions();
        var columns = Validate(original, avatars, options);

        var continuous = columns.Where(c => ContinuousValues.IsContinuous(original[c].Type)).ToArray();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < continuous.Length; i++)
        {
            position.Add(continuous[i], i);
        }

        // One read of every continuous column, shared by both metrics.
        var originalValues = new double[continuous.Length][];
        var avatarValues = new double[continuous.Length][];
        var variables = new VariableHellinger[columns.Length];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, 2 * continuous.Length, parallel, i =>
        {
            var c = i % continuous.Length;
            if (i < continuous.Length)
            {
                originalValues[c] = ContinuousValues.Read(original[continuous[c]]);
            }
            else
            {
                avatarValues[c] = ContinuousValues.Read(avatars[continuous[c]]);
            }
        });

        Parallel.For(0, columns.Length, parallel, i =>
        {
            var name = columns[i];
            variables[i] = position.TryGetValue(name, out var c)
                ? HellingerDistance.Continuous(name, original[name].Type, originalValues[c], avatarValues[c], options.Bins)
                : HellingerDistance.Compute(original[name], avatars[name], options.Bins);
        });

        var hellinger = HellingerDistance.Summarize(variables);
        var correlation = CorrelationDifference.Compute(continuous, originalValues, avatarValues, cancellationToken);
        return new SignalMetrics(original.Name, hellinger, correlation, options.Bins, options.WorstPairCount);
    }

    /// <summary>Checks the inputs; returns the compared columns in the original's order.</summary>
    private static string[] Validate(Table original, Table avatars, SignalMetricsOptions options)
    {
        if (options.Bins < 1)
        {
            throw new AvatarizationException($"Signal metrics: bins = {options.Bins} must be at least 1.", original.Name, parameter: "bins");
        }

        if (options.WorstPairCount < 0)
        {
            throw new AvatarizationException($"Signal metrics: worst pair count = {options.WorstPairCount} must not be negative.", original.Name, parameter: "worst_pair_count");
        }

        var ignored = (options.IgnoredColumns ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var name in ignored)
        {
            if (!original.Contains(name) && !avatars.Contains(name))
            {
                throw new AvatarizationException(
                    $"Signal metrics: the ignored column '{name}' is in neither the original table '{original.Name}' nor the avatars '{avatars.Name}'. Its columns are: {string.Join(", ", original.ColumnNames)}.",
                    original.Name,
                    name,
                    "ignored_columns");
            }
        }

        var columns = original.ColumnNames.Where(c => !ignored.Contains(c)).ToArray();
        if (columns.Length == 0)
        {
            throw new AvatarizationException($"Signal metrics: the original table '{original.Name}' has no column left to compare.", original.Name);
        }

        if (original.RowCount == 0)
        {
            throw new AvatarizationException($"Signal metrics: the original table '{original.Name}' has no rows.", original.Name);
        }

        if (avatars.RowCount == 0)
        {
            throw new AvatarizationException($"Signal metrics: the avatars '{avatars.Name}' have no rows.", avatars.Name);
        }

        var missing = columns.Where(c => !avatars.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            var list = string.Join(", ", missing.Select(c => $"'{c}'"));
            throw new AvatarizationException(
                missing.Length == 1
                    ? $"Signal metrics: the avatars '{avatars.Name}' have no column {list}, which the original table '{original.Name}' has."
                    : $"Signal metrics: the avatars '{avatars.Name}' lack the columns {list} of the original table '{original.Name}'.",
                avatars.Name,
                missing[0]);
        }

        foreach (var name in columns)
        {
            var o = original[name].Type;
            var a = avatars[name].Type;
            if (!HellingerDistance.AreComparable(o, a))
            {
                throw new AvatarizationException(
                    $"Signal metrics: column '{name}' is {o.ToYamlName()} in the original table '{original.Name}' but {a.ToYamlName()} in the avatars '{avatars.Name}'.",
                    avatars.Name,
                    name);
            }
        }

        return columns;
    }
}
