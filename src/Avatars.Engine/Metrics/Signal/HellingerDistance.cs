using Avatars.Data;

namespace Avatars.Engine.Metrics.Signal;

/// <summary>
/// Hellinger distance between the marginal distributions of a variable in the original table and in the avatars
/// (method.md §7.1): <c>H(P, Q) = sqrt(½ Σ_b (sqrt(P_b) − sqrt(Q_b))²)</c>, between 0 (same distribution) and 1
/// (disjoint supports). Categorical variables (<c>category</c>, <c>bool</c>) compare modality frequencies over the
/// union of the modalities; continuous variables (<c>int</c>, <c>float</c>, <c>datetime</c>, <c>datetime_tz</c>) are
/// cut into equal-width bins over the union range <c>[min(orig ∪ avatar), max(orig ∪ avatar)]</c> (the last bin closed
/// on the right; a constant variable falls into a single bin). Missing values — and ±∞ in float columns — are a bin of
/// their own in both cases, so a changed missing rate raises the distance. The binning is a project design, not
/// vendor parity (docs/signal-metrics.md). Target of the vendor's report: mean below 0.1.
/// </summary>
public static class HellingerDistance
{
    /// <summary>The target of the vendor's report for the mean over variables (below).</summary>
    public const double Target = 0.1;

    /// <summary>The default number of equal-width bins of a continuous variable.</summary>
    public const int DefaultBins = 20;

    /// <summary>Computes the distance between the two versions of one variable.</summary>
    /// <param name="original">The variable in the original table.</param>
    /// <param name="avatars">The same variable in the avatars (any row count, any row order).</param>
    /// <param name="bins">The number of equal-width bins of a continuous variable.</param>
    /// <exception cref="ArgumentException">The two columns have incompatible types (only <c>int</c> and <c>float</c> mix), a table is empty or <paramref name="bins"/> &lt; 1.</exception>
    public static VariableHellinger Compute(Column original, Column avatars, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (original.Length == 0 || avatars.Length == 0)
        {
            throw new ArgumentException($"Column '{original.Name}': the Hellinger distance needs rows in both tables (original {original.Length}, avatars {avatars.Length}).");
        }

        if (!AreComparable(original.Type, avatars.Type))
        {
            throw new ArgumentException(
                $"Column '{original.Name}' is {original.Type.ToYamlName()} in the original table but {avatars.Type.ToYamlName()} in the avatars.");
        }

        if (ContinuousValues.IsContinuous(original.Type))
        {
            return Continuous(original.Name, original.Type, ContinuousValues.Read(original), ContinuousValues.Read(avatars), bins);
        }

        return (original, avatars) switch
        {
            (CategoryColumn o, CategoryColumn a) => Categorical(o, a),
            (BoolColumn o, BoolColumn a) => Boolean(o, a),
            _ => throw new ArgumentException($"Column '{original.Name}': unsupported column type {original.Type.ToYamlName()}."),
        };
    }

    /// <summary>True when a variable typed <paramref name="original"/> can be compared with avatars typed <paramref name="avatars"/>: the same type, or <c>int</c> and <c>float</c>.</summary>
    internal static bool AreComparable(ColumnType original, ColumnType avatars) =>
        original == avatars || (original is ColumnType.Int or ColumnType.Float && avatars is ColumnType.Int or ColumnType.Float);

    /// <summary>
    /// The Hellinger distance between two histograms given as counts over the same bins (each normalised by its total).
    /// </summary>
    /// <param name="originalCounts">Counts of the original values per bin.</param>
    /// <param name="avatarCounts">Counts of the avatar values per bin (same length).</param>
    /// <exception cref="ArgumentException">The lengths differ or a histogram is empty.</exception>
    public static double Between(ReadOnlySpan<long> originalCounts, ReadOnlySpan<long> avatarCounts)
    {
        if (originalCounts.Length != avatarCounts.Length)
        {
            throw new ArgumentException($"The histograms have {originalCounts.Length} and {avatarCounts.Length} bins.", nameof(avatarCounts));
        }

        long originalTotal = 0, avatarTotal = 0;
        for (var b = 0; b < originalCounts.Length; b++)
        {
            originalTotal += originalCounts[b];
            avatarTotal += avatarCounts[b];
        }

        if (originalTotal <= 0 || avatarTotal <= 0)
        {
            throw new ArgumentException("Both histograms need at least one value.", nameof(originalCounts));
        }

        var sum = 0.0;
        for (var b = 0; b < originalCounts.Length; b++)
        {
            var d = Math.Sqrt(originalCounts[b] / (double)originalTotal) - Math.Sqrt(avatarCounts[b] / (double)avatarTotal);
            sum += d * d;
        }

        // Rounding can push ½Σ a hair above 1 for disjoint supports.
        return Math.Min(1.0, Math.Sqrt(sum / 2));
    }

    /// <summary>Mean and standard deviation over variables (see <see cref="HellingerResult"/>).</summary>
    /// <param name="variables">The per-variable distances.</param>
    public static HellingerResult Summarize(IReadOnlyList<VariableHellinger> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var n = variables.Count;
        if (n == 0)
        {
            return new HellingerResult(variables, double.NaN, double.NaN);
        }

        var mean = 0.0;
        foreach (var v in variables)
        {
            mean += v.Distance;
        }

        mean /= n;
        var squares = 0.0;
        foreach (var v in variables)
        {
            squares += (v.Distance - mean) * (v.Distance - mean);
        }

        return new HellingerResult(variables, mean, n < 2 ? double.NaN : Math.Sqrt(squares / (n - 1)));
    }

    /// <summary>Continuous variable: equal-width bins over the union range plus a missing-value bin.</summary>
    internal static VariableHellinger Continuous(string name, ColumnType type, double[] original, double[] avatars, int bins)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        MinMax(original, ref min, ref max);
        MinMax(avatars, ref min, ref max);

        // Slot 0..bins-1: value bins; slot bins: missing values.
        var originalCounts = new long[bins + 1];
        var avatarCounts = new long[bins + 1];
        Histogram(original, min, max, bins, originalCounts);
        Histogram(avatars, min, max, bins, avatarCounts);
        var valueBins = min > max ? 0 : min == max ? 1 : bins;
        var missingBin = originalCounts[bins] > 0 || avatarCounts[bins] > 0 ? 1 : 0;
        return new VariableHellinger(
            name,
            type,
            Between(originalCounts, avatarCounts),
            valueBins + missingBin,
            originalCounts[bins] / (double)original.Length,
            avatarCounts[bins] / (double)avatars.Length);
    }

    private static void MinMax(double[] values, ref double min, ref double max)
    {
        foreach (var x in values)
        {
            // NaN fails both comparisons.
            if (x < min)
            {
                min = x;
            }

            if (x > max)
            {
                max = x;
            }
        }
    }

    private static void Histogram(double[] values, double min, double max, int bins, long[] counts)
    {
        var range = max - min;
        var last = bins - 1;
        foreach (var x in values)
        {
            if (double.IsNaN(x))
            {
                counts[bins]++;
                continue;
            }

            // (x − min)·B / range: exact for values on bin edges of integer-valued data; x = max lands in the last bin.
            var bin = range > 0 ? (int)((x - min) * bins / range) : 0;
            counts[bin > last ? last : bin]++;
        }
    }

    private static VariableHellinger Categorical(CategoryColumn original, CategoryColumn avatars)
    {
        // Union of modalities by level text: the original levels, then the avatar levels the originals lack.
        var index = new Dictionary<string, int>(original.LevelCount + avatars.LevelCount, StringComparer.Ordinal);
        foreach (var level in original.Levels)
        {
            index.Add(level, index.Count);
        }

        var avatarMap = new int[avatars.LevelCount];
        for (var l = 0; l < avatarMap.Length; l++)
        {
            var level = avatars.Levels[l];
            if (!index.TryGetValue(level, out var slot))
            {
                slot = index.Count;
                index.Add(level, slot);
            }

            avatarMap[l] = slot;
        }

        var missingSlot = index.Count;
        var originalCounts = new long[missingSlot + 1];
        var avatarCounts = new long[missingSlot + 1];
        foreach (var code in original.Codes)
        {
            originalCounts[code < 0 ? missingSlot : code]++;
        }

        foreach (var code in avatars.Codes)
        {
            avatarCounts[code < 0 ? missingSlot : avatarMap[code]]++;
        }

        return FromCounts(original.Name, original.Type, originalCounts, avatarCounts, original.Length, avatars.Length);
    }

    private static VariableHellinger Boolean(BoolColumn original, BoolColumn avatars)
    {
        // Slots: false, true, missing.
        var originalCounts = new long[3];
        var avatarCounts = new long[3];
        CountBooleans(original, originalCounts);
        CountBooleans(avatars, avatarCounts);
        return FromCounts(original.Name, original.Type, originalCounts, avatarCounts, original.Length, avatars.Length);
    }

    private static void CountBooleans(BoolColumn column, long[] counts)
    {
        var values = column.Values;
        var anyMissing = column.MissingCount > 0;
        for (var i = 0; i < values.Length; i++)
        {
            counts[anyMissing && column.IsMissing(i) ? 2 : values[i] ? 1 : 0]++;
        }
    }

    /// <summary>A categorical result; the last slot holds the missing values; bins = slots seen in either table.</summary>
    private static VariableHellinger FromCounts(string name, ColumnType type, long[] originalCounts, long[] avatarCounts, int originalRows, int avatarRows)
    {
        var seen = 0;
        for (var b = 0; b < originalCounts.Length; b++)
        {
            if (originalCounts[b] > 0 || avatarCounts[b] > 0)
            {
                seen++;
            }
        }

        var missing = originalCounts.Length - 1;
        return new VariableHellinger(
            name,
            type,
            Between(originalCounts, avatarCounts),
            seen,
            originalCounts[missing] / (double)originalRows,
            avatarCounts[missing] / (double)avatarRows);
    }
}

/// <summary>The Hellinger distance of one variable, with what a user needs to understand it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type in the original table.</param>
/// <param name="Distance">The Hellinger distance, in [0, 1].</param>
/// <param name="BinCount">
/// The bins compared: for a categorical variable the modalities present in either table; for a continuous one the
/// equal-width bins (1 for a constant variable); plus one when either table has missing values (their own bin).
/// </param>
/// <param name="OriginalMissingRate">The share of missing values in the original column, in [0, 1].</param>
/// <param name="AvatarMissingRate">The share of missing values in the avatar column, in [0, 1].</param>
public sealed record VariableHellinger(string Name, ColumnType Type, double Distance, int BinCount, double OriginalMissingRate, double AvatarMissingRate);

/// <summary>The Hellinger distances of a table's variables and their summary.</summary>
/// <param name="Variables">Per variable, in column order.</param>
/// <param name="Mean">The mean over variables (<c>hellinger_mean</c>; NaN without variables).</param>
/// <param name="Std">
/// The <b>sample</b> standard deviation over variables (divisor n − 1, the pandas <c>.std()</c> convention;
/// <c>hellinger_std</c>); NaN with fewer than two variables.
/// </param>
public sealed record HellingerResult(IReadOnlyList<VariableHellinger> Variables, double Mean, double Std)
{
    /// <summary>The variable with the largest distance (the first in column order on ties), or null without variables.</summary>
    public VariableHellinger? Worst => Variables.Count == 0 ? null : Variables.MaxBy(v => v.Distance);
}
