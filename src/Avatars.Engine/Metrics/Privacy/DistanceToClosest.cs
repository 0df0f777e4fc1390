using Avatars.Engine.Neighbors;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Distance to closest record (DCR, method.md §6.3, VERIFIED-CODE): for every synthetic row <c>s</c>,
/// <c>DCR_s = min_t ‖S_s − T_t‖</c> over the training rows <c>t</c> (the originals, or the data the synthetic set
/// was generated from), in the projected space. Needs no pairing. Computed together with the nearest-neighbour
/// distance ratio (<see cref="ClosestDistancesRatio"/>) from one k = 2 KD-tree query per synthetic row — never an
/// n × n matrix (O(n log n)). The product reports the median (<c>distance_to_closest</c>); the paper reports
/// <c>median [q0.05 – q0.95]</c>. No target in the vendor's report summary.
/// </summary>
/// <remarks>
/// Distances are exact double-precision Euclidean distances (<see cref="EuclideanDistance"/>), so duplicates are at
/// exactly 0. The paper used FAISS float32 arithmetic (<c>‖a‖² + ‖b‖² − 2a·b</c>), which turns some exact duplicates
/// into rounding noise around 1e-3 (e.g. 2^-10). Double precision reproduces the paper's WBCD summary table to 2
/// decimals and every published per-row value within 1e-4 except those noise values (paper value below 0.01); the
/// noise depends on FAISS's BLAS summation order and is not reproduced (docs/privacy-metrics.md).
/// </remarks>
public static class DistanceToClosest
{
    /// <summary>Computes DCR and NNDR of every synthetic row.</summary>
    /// <param name="training">Row-major coordinates of the training (original) rows; at least 2 rows.</param>
    /// <param name="synthetic">Row-major coordinates of the synthetic rows (any count, no pairing).</param>
    /// <param name="dimensions">The dimension d.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>Per synthetic row: DCR and NNDR, with their summaries.</returns>
    /// <exception cref="ArgumentException">The arrays are not whole rows, or there are fewer than 2 training rows.</exception>
    public static ClosestDistancesResult Compute(double[] training, double[] synthetic, int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (training.Length % dimensions != 0 || synthetic.Length % dimensions != 0)
        {
            throw new ArgumentException($"Coordinate arrays must hold whole rows of {dimensions} values.", nameof(dimensions));
        }

        var nTraining = training.Length / dimensions;
        var nSynthetic = synthetic.Length / dimensions;
        if (nTraining < 2)
        {
            throw new ArgumentException($"DCR and NNDR need at least 2 training rows (got {nTraining}).", nameof(training));
        }

        var tree = new KdTree(training, nTraining, dimensions, KdTree.DefaultBucketSize, maxDegreeOfParallelism: -1);
        var neighbours = NeighborSearch.Neighbors(tree, synthetic, 2, cancellationToken: cancellationToken);
        var dcr = new double[nSynthetic];
        var nndr = new double[nSynthetic];
        for (var s = 0; s < nSynthetic; s++)
        {
            var d1 = neighbours.Distances[2 * s];
            var d2 = neighbours.Distances[(2 * s) + 1];
            dcr[s] = d1;
            nndr[s] = ClosestDistancesRatio.Of(d1, d2);
        }

        return new ClosestDistancesResult(dcr, nndr);
    }
}

/// <summary>DCR and NNDR of every synthetic row and their summaries.</summary>
/// <param name="Dcr">Per synthetic row: distance to the closest training row.</param>
/// <param name="Nndr">Per synthetic row: closest over second-closest distance (1 when the second is 0).</param>
public sealed record ClosestDistancesResult(IReadOnlyList<double> Dcr, IReadOnlyList<double> Nndr)
{
    /// <summary>Median and 5–95 % quantiles of the DCR (the reported <c>distance_to_closest</c> is the median).</summary>
    public DistributionSummary DcrSummary { get; } = DistributionSummary.Of(Dcr);

    /// <summary>Median and 5–95 % quantiles of the NNDR (the reported <c>closest_distances_ratio</c> is the median).</summary>
    public DistributionSummary NndrSummary { get; } = DistributionSummary.Of(Nndr);
}
