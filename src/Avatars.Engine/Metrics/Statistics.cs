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
}
