namespace Avatars.Engine.Metrics;

/// <summary>Small order statistics used by the metrics.</summary>
internal static class Statistics
{
    /// <summary>The median (mean of the two middle values for an even count; NaN when empty).</summary>
    public static double Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>
    /// The quantile of probability <paramref name="p"/> with linear interpolation between order statistics (R type 7,
    /// the NumPy default): <c>h = (n − 1)·p</c>, <c>x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])</c>. NaN when empty.
    /// </summary>
    /// <param name="sorted">Values sorted ascending (no NaN).</param>
    /// <param name="p">A probability in [0, 1].</param>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = h - lo;
        return fraction == 0 ? sorted[lo] : sorted[lo] + (fraction * (sorted[lo + 1] - sorted[lo]));
    }

    /// <summary>A sorted copy of the values, NaN removed.</summary>
    public static double[] SortedWithoutNaN(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
