using Avatars.Engine.Neighbors;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Local cloaking (method.md §6.2, closed form): for individual i with own-avatar distance
/// <c>d_i = ‖F_i − G_i‖</c>, the number of <b>other</b> avatars at distance ≤ d_i (<c>LC_i</c>), and the
/// number of other originals at distance ≤ d_i (<c>LCrec_i</c>). The metric is the median of
/// <c>LC_i</c>: how many avatars resemble the individual at least as much as its own. Computed with
/// radius counts on KD-trees — no n × n matrix. The own distance and the counts use the same
/// distance computation (<see cref="EuclideanDistance"/>), so an avatar tied with the own avatar is
/// always counted. Target: above 5.
/// </summary>
public static class LocalCloaking
{
    /// <summary>The target of the vendor's report.</summary>
    public const double Target = 5;

    /// <summary>
    /// Counts stop at this value by default, as the paper's computation did (it looked at the 4 000 nearest points).
    /// The medians are exact whenever they are below it; it bounds the work for outliers whose own avatar is far
    /// away, around which a ball can hold most of the table.
    /// </summary>
    public const int DefaultCountCap = 4_000;

    /// <summary>
    /// Leaf size of the two trees: larger than the default, since the counts cover whole balls (tens to thousands of
    /// points) and the queries of a leaf share one traversal (1 M rows: about 8 % faster than 32, 128 no better).
    /// </summary>
    private const int BucketSize = 64;

    /// <summary>Computes local cloaking from paired coordinates.</summary>
    /// <param name="originals">Row-major n × d coordinates of the originals.</param>
    /// <param name="avatars">Row-major n × d coordinates of the avatars (row i = avatar of original i).</param>
    /// <param name="dimensions">d.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <param name="countCap">Counts stop at this value (<see cref="DefaultCountCap"/>); <see cref="int.MaxValue"/> for exact counts.</param>
    public static LocalCloakingResult Compute(double[] originals, double[] avatars, int dimensions, CancellationToken cancellationToken = default, int countCap = DefaultCountCap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(countCap, 1);
        PairedCoordinates.Check(originals, avatars, dimensions);
        var n = originals.Length / dimensions;
        KdTree? avatarTree = null;
        KdTree? originalTree = null;
        Parallel.Invoke(
            new ParallelOptions { CancellationToken = cancellationToken },
            () => avatarTree = new KdTree(avatars, n, dimensions, BucketSize, maxDegreeOfParallelism: -1),
            () => originalTree = new KdTree(originals, n, dimensions, BucketSize, maxDegreeOfParallelism: -1));

        // The own distance, then its inclusive squared threshold: counting squared distances ≤ threshold is exactly
        // counting distances ≤ own distance.
        var thresholds = new double[n];
        Parallel.For(0, (n + NeighborSearch.BlockSize - 1) / NeighborSearch.BlockSize, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            var end = Math.Min(n, (block + 1) * NeighborSearch.BlockSize);
            for (var i = block * NeighborSearch.BlockSize; i < end; i++)
            {
                var own = EuclideanDistance.Between(originals.AsSpan(i * dimensions, dimensions), avatars.AsSpan(i * dimensions, dimensions));
                thresholds[i] = EuclideanDistance.SquaredThreshold(own);
            }
        });

        // Queries falling in the same leaf share one traversal (per-query thresholds, whole subtrees counted at once).
        var avatarCounts = NeighborSearch.CountWithinThresholds(avatarTree!, originals, thresholds, excludeSelf: true, countCap, -1, cancellationToken);
        var recordCounts = NeighborSearch.CountWithinThresholds(originalTree!, originals, thresholds, excludeSelf: true, countCap, -1, cancellationToken);

        var empty = 0;
        for (var i = 0; i < n; i++)
        {
            if (avatarCounts[i] + recordCounts[i] == 0)
            {
                empty++;
            }
        }

        return new LocalCloakingResult(
            Statistics.Median(avatarCounts),
            Statistics.Median(recordCounts),
            n == 0 ? double.NaN : (double)empty / n,
            avatarCounts,
            recordCounts);
    }
}

/// <summary>Local cloaking and its per-individual detail.</summary>
/// <param name="Median">Median number of other avatars at least as close as the own avatar (the reported metric).</param>
/// <param name="RecordsMedian">Median number of other originals at least as close as the own avatar.</param>
/// <param name="EmptyRate">Share of individuals with no other avatar nor original within the own-avatar distance.</param>
/// <param name="AvatarCounts">Per individual: LC_i (at most the count cap).</param>
/// <param name="RecordCounts">Per individual: LCrec_i (at most the count cap).</param>
public sealed record LocalCloakingResult(double Median, double RecordsMedian, double EmptyRate, IReadOnlyList<int> AvatarCounts, IReadOnlyList<int> RecordCounts);
