using Avatars.Engine.Metrics;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Neighbors;

namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>
/// Hidden rate and local cloaking of a child table with the parent individual as identity
/// (<c>to_bottom_id_propagated</c>, docs/multi-table-metrics.md; project design, not vendor parity). Row i of the
/// originals belongs to individual <c>g_i</c> (its parent); avatar i (of original row i) belongs to <c>g_i</c> too, and
/// its "own" originals are all the original rows of <c>g_i</c>.
/// <list type="bullet">
/// <item>hit_i: the original nearest to avatar i (lowest index on exact ties, as the single-table hidden rate) belongs
/// to <c>g_i</c>; hidden rate = 100 · (1 − hits / n).</item>
/// <item>LC_i: the number of originals of <b>other</b> individuals at distance ≤ the distance from avatar i to the
/// closest original of <c>g_i</c> (at least as close, ties counted, as the single-table local cloaking), capped at
/// <see cref="LocalCloaking.DefaultCountCap"/>; local cloaking = median LC_i.</item>
/// </list>
/// KD-trees only: a tree over all originals (nearest original, radius counts) and, for an individual with more than
/// <see cref="BruteForceGroupSize"/> rows, a tree over its rows; no n × n structure.
/// </summary>
internal static class IdPropagatedPrivacy
{
    /// <summary>Individuals with at most this many rows are searched by brute force.</summary>
    internal const int BruteForceGroupSize = 64;

    /// <summary>Computes both metrics.</summary>
    /// <param name="originals">Row-major n × d coordinates of the original child rows.</param>
    /// <param name="avatars">Row-major n × d coordinates of the avatars (row i = avatar of original row i).</param>
    /// <param name="dimensions">d.</param>
    /// <param name="individuals">Per original row, the index of its individual (parent).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    public static (HiddenRateResult HiddenRate, LocalCloakingResult LocalCloaking) Compute(double[] originals, double[] avatars, int dimensions, int[] individuals, CancellationToken cancellationToken)
    {
        var n = originals.Length / dimensions;
        if (individuals.Length != n || avatars.Length != originals.Length)
        {
            throw new ArgumentException($"Id propagation needs one individual per row: {n} originals, {avatars.Length / dimensions} avatars, {individuals.Length} individuals.", nameof(individuals));
        }

        if (n == 0)
        {
            return (new HiddenRateResult(double.NaN, 0, []), new LocalCloakingResult(double.NaN, double.NaN, double.NaN, [], []));
        }

        var tree = new KdTree(originals, n, dimensions, KdTree.DefaultBucketSize, maxDegreeOfParallelism: -1);
        var nearest = NeighborSearch.NearestIn(tree, avatars, cancellationToken: cancellationToken);
        var hits = new bool[n];
        var hitCount = 0;
        for (var i = 0; i < n; i++)
        {
            hits[i] = individuals[nearest.Indices[i]] == individuals[i];
            hitCount += hits[i] ? 1 : 0;
        }

        // Own distance and own count within it, per individual.
        var groups = individuals.Select((g, row) => (g, row)).GroupBy(p => p.g, p => p.row).ToArray();
        var thresholds = new double[n];
        var ownCounts = new int[n];
        var largest = 0;
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = group.ToArray();
            largest = Math.Max(largest, rows.Length);
            if (rows.Length <= BruteForceGroupSize)
            {
                OwnByBruteForce(originals, avatars, dimensions, rows, thresholds, ownCounts);
            }
            else
            {
                OwnByTree(originals, avatars, dimensions, rows, thresholds, ownCounts, cancellationToken);
            }
        }

        // Every original within the threshold, minus the own ones: exact below the cap (limit = cap + largest group).
        var cap = LocalCloaking.DefaultCountCap;
        var limit = (int)Math.Min(int.MaxValue, (long)cap + largest);
        var totals = NeighborSearch.CountWithinThresholds(tree, avatars, thresholds, excludeSelf: false, limit, -1, cancellationToken);
        var counts = new int[n];
        var empty = 0;
        for (var i = 0; i < n; i++)
        {
            counts[i] = Math.Clamp(totals[i] - ownCounts[i], 0, cap);
            empty += counts[i] == 0 ? 1 : 0;
        }

        return (
            new HiddenRateResult(100.0 * (1 - ((double)hitCount / n)), hitCount, hits),
            new LocalCloakingResult(Statistics.Median(counts), double.NaN, (double)empty / n, counts, []));
    }

    private static void OwnByBruteForce(double[] originals, double[] avatars, int d, int[] rows, double[] thresholds, int[] ownCounts)
    {
        foreach (var i in rows)
        {
            var avatar = avatars.AsSpan(i * d, d);
            var own = double.PositiveInfinity;
            foreach (var j in rows)
            {
                own = Math.Min(own, EuclideanDistance.Between(originals.AsSpan(j * d, d), avatar));
            }

            var threshold = EuclideanDistance.SquaredThreshold(own);
            var count = 0;
            foreach (var j in rows)
            {
                count += EuclideanDistance.Squared(originals.AsSpan(j * d, d), avatar) <= threshold ? 1 : 0;
            }

            thresholds[i] = threshold;
            ownCounts[i] = count;
        }
    }

    private static void OwnByTree(double[] originals, double[] avatars, int d, int[] rows, double[] thresholds, int[] ownCounts, CancellationToken cancellationToken)
    {
        var points = new double[rows.Length * d];
        var queries = new double[rows.Length * d];
        for (var k = 0; k < rows.Length; k++)
        {
            originals.AsSpan(rows[k] * d, d).CopyTo(points.AsSpan(k * d, d));
            avatars.AsSpan(rows[k] * d, d).CopyTo(queries.AsSpan(k * d, d));
        }

        var tree = new KdTree(points, rows.Length, d, KdTree.DefaultBucketSize, maxDegreeOfParallelism: -1);
        var nearest = NeighborSearch.NearestIn(tree, queries, cancellationToken: cancellationToken);
        var local = new double[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            local[k] = EuclideanDistance.SquaredThreshold(nearest.Distances[k]);
        }

        var counts = NeighborSearch.CountWithinThresholds(tree, queries, local, excludeSelf: false, int.MaxValue, -1, cancellationToken);
        for (var k = 0; k < rows.Length; k++)
        {
            thresholds[rows[k]] = local[k];
            ownCounts[rows[k]] = counts[k];
        }
    }
}
