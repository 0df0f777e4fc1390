using Avatars.Engine.Avatarization;
using Avatars.Engine.Neighbors;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Closest rate (method.md §6.4): the share of avatars that are not both very close to an original and isolated from
/// the other originals. The vendor formula is unknown (parameters <c>closest_rate_percentage_threshold</c> and
/// <c>closest_rate_ratio_threshold</c>, removed from the client in 1.0.9). <b>Project design, not vendor parity:</b>
/// <c>τ</c> = the <c>percentage_threshold</c> percentile (linear interpolation) of every original's distance to its
/// nearest <b>other</b> original; avatar <c>s</c> is at risk when <c>DCR_s &lt; τ</c> <b>and</b>
/// <c>NNDR_s &lt; ratio_threshold</c>; <c>closest_rate = 100 · (1 − #at_risk / #avatars)</c>. One self k-NN (k = 1)
/// over the originals plus the DCR/NNDR queries: O(n log n). Needs no pairing. Target: above 90 %.
/// </summary>
public static class ClosestRate
{
    /// <summary>The target of the vendor's report, in percent.</summary>
    public const double Target = 90;

    /// <summary>Default percentile of the originals' nearest-neighbour distances (the client user guide's example value).</summary>
    public const double DefaultPercentageThreshold = 0.3;

    /// <summary>Default NNDR threshold (the client user guide's example value).</summary>
    public const double DefaultRatioThreshold = 0.3;

    /// <summary>Computes the closest rate.</summary>
    /// <param name="originalCoordinates">Row-major coordinates of the originals (at least 2 rows).</param>
    /// <param name="dimensions">d.</param>
    /// <param name="avatarDistances">DCR and NNDR of the avatars against the same originals (<see cref="DistanceToClosest.Compute"/>).</param>
    /// <param name="percentageThreshold">Percentile in [0, 100] defining the risk distance τ.</param>
    /// <param name="ratioThreshold">NNDR threshold in [0, 1].</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="AvatarizationException">A threshold is out of range.</exception>
    public static ClosestRateResult Compute(
        double[] originalCoordinates,
        int dimensions,
        ClosestDistancesResult avatarDistances,
        double percentageThreshold = DefaultPercentageThreshold,
        double ratioThreshold = DefaultRatioThreshold,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(originalCoordinates);
        ArgumentNullException.ThrowIfNull(avatarDistances);
        if (!(percentageThreshold >= 0 && percentageThreshold <= 100))
        {
            throw new AvatarizationException($"closest_rate_percentage_threshold must be in [0, 100] (got {percentageThreshold}).", parameter: "closest_rate_percentage_threshold");
        }

        if (!(ratioThreshold >= 0 && ratioThreshold <= 1))
        {
            throw new AvatarizationException($"closest_rate_ratio_threshold must be in [0, 1] (got {ratioThreshold}).", parameter: "closest_rate_ratio_threshold");
        }

        var n = originalCoordinates.Length / dimensions;
        var self = NeighborSearch.SelfNeighbors(originalCoordinates, n, dimensions, 1, cancellationToken: cancellationToken);
        var sorted = (double[])self.Distances.Clone();
        Array.Sort(sorted);
        var tau = Statistics.Quantile(sorted, percentageThreshold / 100);
        var atRisk = 0;
        for (var s = 0; s < avatarDistances.Dcr.Count; s++)
        {
            if (avatarDistances.Dcr[s] < tau && avatarDistances.Nndr[s] < ratioThreshold)
            {
                atRisk++;
            }
        }

        var count = avatarDistances.Dcr.Count;
        return new ClosestRateResult(count == 0 ? double.NaN : 100 * (1 - ((double)atRisk / count)), tau, atRisk);
    }
}

/// <summary>The closest rate and its detail.</summary>
/// <param name="Value">The rate in percent.</param>
/// <param name="RiskDistance">τ, the percentile of the originals' nearest-neighbour distances.</param>
/// <param name="AtRiskCount">Avatars with DCR &lt; τ and NNDR &lt; the ratio threshold.</param>
public sealed record ClosestRateResult(double Value, double RiskDistance, int AtRiskCount);
