using Avatars.Data;

namespace Avatars.Engine.Metrics.Signal;

/// <summary>
/// Correlation difference ratio (method.md §7.2): <c>CD = 100 · mean_{a&lt;b} |ρ_X(a,b) − ρ_A(a,b)|</c> over the pairs of
/// continuous columns (<c>int</c>, <c>float</c>, <c>datetime</c>, <c>datetime_tz</c>), with Pearson correlations on
/// pairwise-complete rows (rows where both values are present, computed separately in each table). A pair whose
/// correlation is undefined in either table — a column constant on the pair's rows, or fewer than two complete
/// rows — is skipped and reported with the reason. Target of the vendor's report: below 10 (percent).
/// </summary>
public static class CorrelationDifference
{
    /// <summary>The target of the vendor's report, in percent (below).</summary>
    public const double Target = 10;

    /// <summary>Computes the correlation difference over the named continuous columns.</summary>
    /// <param name="original">The original table.</param>
    /// <param name="avatars">The avatars (any row count, any row order).</param>
    /// <param name="columns">The continuous columns to correlate, present in both tables.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="ArgumentException">A column is missing from a table or is not continuous.</exception>
    public static CorrelationDifferenceResult Compute(Table original, Table avatars, IReadOnlyList<string> columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var name in columns)
        {
            foreach (var table in new[] { original, avatars })
            {
                var column = table.TryGetColumn(name, out var c) ? c : throw new ArgumentException(table.UnknownColumnMessage(name), nameof(columns));
                if (!ContinuousValues.IsContinuous(column.Type))
                {
                    throw new ArgumentException(
                        $"Column '{name}' of table '{table.Name}' is {column.Type.ToYamlName()}: correlations need int, float, datetime or datetime_tz columns.",
                        nameof(columns));
                }
            }
        }

        var originalValues = new double[columns.Count][];
        var avatarValues = new double[columns.Count][];
        Parallel.For(0, 2 * columns.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var c = i % columns.Count;
            if (i < columns.Count)
            {
                originalValues[c] = ContinuousValues.Read(original[columns[c]]);
            }
            else
            {
                avatarValues[c] = ContinuousValues.Read(avatars[columns[c]]);
            }
        });
        return Compute(columns, originalValues, avatarValues, cancellationToken);
    }

    /// <summary>Computes the correlation difference from column values (NaN = missing); the arrays are consumed (shifted in place).</summary>
    internal static CorrelationDifferenceResult Compute(IReadOnlyList<string> names, double[][] original, double[][] avatars, CancellationToken cancellationToken)
    {
        PairwiseCorrelation.PairCorrelation[] originalRho = [], avatarRho = [];
        Parallel.Invoke(
            new ParallelOptions { CancellationToken = cancellationToken },
            () => originalRho = PairwiseCorrelation.Compute(original, cancellationToken),
            () => avatarRho = PairwiseCorrelation.Compute(avatars, cancellationToken));

        var p = names.Count;
        var pairs = new CorrelationPair[originalRho.Length];
        var sum = 0.0;
        var compared = 0;
        var index = 0;
        for (var a = 0; a < p; a++)
        {
            for (var b = a + 1; b < p; b++, index++)
            {
                var o = originalRho[index];
                var x = avatarRho[index];
                var reason = SkipReason(names[a], names[b], o, "original table") ?? SkipReason(names[a], names[b], x, "avatars");
                var difference = reason is null ? Math.Abs(o.Rho - x.Rho) : double.NaN;
                if (reason is null)
                {
                    sum += difference;
                    compared++;
                }

                pairs[index] = new CorrelationPair(names[a], names[b], o.Rho, x.Rho, difference, o.Count, x.Count, reason);
            }
        }

        return new CorrelationDifferenceResult(names.ToArray(), pairs, compared == 0 ? double.NaN : 100.0 * sum / compared, compared);
    }

    private static string? SkipReason(string first, string second, PairwiseCorrelation.PairCorrelation rho, string where)
    {
        if (rho.Count < 2)
        {
            return $"fewer than two rows with both '{first}' and '{second}' present in the {where} ({rho.Count})";
        }

        if (rho.FirstConstant || rho.SecondConstant)
        {
            var constant = rho.FirstConstant && rho.SecondConstant ? $"'{first}' and '{second}' are" : $"'{(rho.FirstConstant ? first : second)}' is";
            return $"{constant} constant on the rows with both values present in the {where}: correlation undefined";
        }

        return null;
    }
}

/// <summary>The correlations of one pair of continuous columns in both tables.</summary>
/// <param name="First">The first column (earlier in column order).</param>
/// <param name="Second">The second column.</param>
/// <param name="Original">Pearson correlation in the original table (NaN when undefined).</param>
/// <param name="Avatar">Pearson correlation in the avatars (NaN when undefined).</param>
/// <param name="AbsoluteDifference"><c>|Original − Avatar|</c>; NaN when the pair is skipped.</param>
/// <param name="OriginalRows">Rows of the original table with both values present.</param>
/// <param name="AvatarRows">Rows of the avatars with both values present.</param>
/// <param name="SkipReason">Why the pair is left out of the ratio, or null when it counts.</param>
public sealed record CorrelationPair(
    string First,
    string Second,
    double Original,
    double Avatar,
    double AbsoluteDifference,
    long OriginalRows,
    long AvatarRows,
    string? SkipReason)
{
    /// <summary>True when the pair counts in the ratio.</summary>
    public bool IsCompared => SkipReason is null;
}

/// <summary>The correlation difference ratio and its per-pair detail.</summary>
/// <param name="Columns">The continuous columns correlated, in column order.</param>
/// <param name="Pairs">Every pair a &lt; b, in row-major upper-triangle order (the matrix details).</param>
/// <param name="Ratio">The ratio in percent (<c>correlation_difference_ratio</c>); NaN when no pair could be compared.</param>
/// <param name="ComparedPairCount">The pairs that count in the ratio.</param>
public sealed record CorrelationDifferenceResult(IReadOnlyList<string> Columns, IReadOnlyList<CorrelationPair> Pairs, double Ratio, int ComparedPairCount)
{
    /// <summary>The pairs left out of the ratio, with their reasons.</summary>
    public IEnumerable<CorrelationPair> SkippedPairs => Pairs.Where(p => !p.IsCompared);

    /// <summary>The compared pairs with the largest absolute differences, largest first (ties in pair order).</summary>
    /// <param name="count">How many pairs at most.</param>
    public IReadOnlyList<CorrelationPair> WorstPairs(int count = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Pairs.Where(p => p.IsCompared).OrderByDescending(p => p.AbsoluteDifference).Take(count).ToArray();
    }

    /// <summary>The correlation matrix of a table (1 on the diagonal, NaN where undefined), in <see cref="Columns"/> order.</summary>
    /// <param name="avatars">True for the avatars' matrix, false for the original table's.</param>
    public double[,] Matrix(bool avatars)
    {
        var p = Columns.Count;
        var matrix = new double[p, p];
        var index = 0;
        for (var a = 0; a < p; a++)
        {
            matrix[a, a] = 1;
            for (var b = a + 1; b < p; b++, index++)
            {
                var rho = avatars ? Pairs[index].Avatar : Pairs[index].Original;
                matrix[a, b] = rho;
                matrix[b, a] = rho;
            }
        }

        return matrix;
    }
}
