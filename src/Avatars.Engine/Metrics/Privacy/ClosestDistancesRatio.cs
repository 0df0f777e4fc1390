namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Nearest-neighbour distance ratio (NNDR, method.md §6.3, VERIFIED-CODE): <c>NNDR_s = d1_s / d2_s</c>, with
/// <c>d1 ≤ d2</c> the two smallest distances from synthetic row <c>s</c> to the training rows; <c>1</c> when
/// <c>d2 = 0</c> (the paper divides by <c>max(d2, 1e-8)</c> and sets 1 where <c>d2 = 0</c>). In [0, 1]; a value near
/// 0 means the synthetic row sits on one training row and far from all others. Reported as the median
/// (<c>closest_distances_ratio</c>), target above 0.3. Computed by <see cref="DistanceToClosest.Compute"/>.
/// </summary>
public static class ClosestDistancesRatio
{
    /// <summary>The target of the vendor's report for the median NNDR.</summary>
    public const double Target = 0.3;

    private const double Smoothing = 1e-8;

    /// <summary>The ratio of the two smallest distances.</summary>
    /// <param name="closest">d1, the smallest distance.</param>
    /// <param name="second">d2 ≥ d1, the second smallest.</param>
    public static double Of(double closest, double second) => second == 0 ? 1 : closest / Math.Max(second, Smoothing);
}
