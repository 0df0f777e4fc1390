using MathStatistics = MathNet.Numerics.Statistics.Statistics;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>
/// Restores the spread of avatarized child counts before they become capacities. An avatar's count is a weighted
/// mean of its k neighbours' counts, so the avatarized counts are narrower than the original ones (fewer parents
/// without children, fewer with many). Their deviations from the mean are scaled so that their standard deviation
/// equals the original one: the shape of the avatarized distribution is kept and no original count is copied.
/// </summary>
internal static class CountCalibration
{
    /// <summary>The counts with the original standard deviation (missing values stay missing; negatives are cut later).</summary>
    /// <param name="avatarCounts">The avatarized counts (NaN for missing).</param>
    /// <param name="originalCounts">The original counts.</param>
    /// <returns>The recentred, rescaled counts (same mean as the avatarized ones).</returns>
    public static double[] RestoreSpread(double[] avatarCounts, double[] originalCounts)
    {
        var present = avatarCounts.Where(c => !double.IsNaN(c)).ToArray();
        if (present.Length < 2 || originalCounts.Length < 2)
        {
            return avatarCounts;
        }

        var (mean, spread) = MathStatistics.MeanStandardDeviation(present);
        var target = MathStatistics.StandardDeviation(originalCounts);
        if (spread <= 1e-12)
        {
            return avatarCounts;
        }

        var factor = target / spread;
        return [.. avatarCounts.Select(c => double.IsNaN(c) ? c : mean + ((c - mean) * factor))];
    }
}
