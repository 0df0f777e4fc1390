using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Neighbors;
using static Avatars.Engine.Tests.Neighbors.NeighborTestData;

namespace Avatars.Engine.Tests.Neighbors;

/// <summary>
/// The batched radius counts (query rows of a leaf answered by one traversal, per-query thresholds, whole subtrees
/// counted at once, counts cut at a limit) against a brute-force loop over the same squared distances.
/// </summary>
public sealed class BatchedRadiusCountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Kind, int, int, int, int> Cases => new()
    {
        { Kind.Uniform, 2500, 3, 1, 32 },
        { Kind.SmallIntegers, 2000, 4, 2, 32 },
        { Kind.Lattice, 700, 2, 3, 5 },
        { Kind.Repeated, 3000, 5, 4, 32 },
        { Kind.Repeated, 1500, 3, 5, 200 },
        { Kind.Decimals, 2500, 5, 6, 2 },
        { Kind.Clusters, 1800, 8, 7, 16 },
        { Kind.SmallIntegers, 900, 1, 8, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BatchedCountsEqualBruteForce(Kind kind, int n, int d, int seed, int bucket)
    {
        // Local cloaking's shape: originals F, "avatars" G (rows of F moved or copied), thresholds from ‖F_i − G_i‖,
        // plus radii exactly at the distance of another point, zero radii (duplicates) and infinite radii.
        var originals = Make(kind, n, d, seed);
        var avatars = Queries(originals, n, d, kind, n, seed + 9);
        var rng = new Random(seed + 100);
        var thresholds = new double[n];
        for (var i = 0; i < n; i++)
        {
            var f = originals.AsSpan(i * d, d);
            var radius = (i % 11) switch
            {
                0 => EuclideanDistance.Between(f, originals.AsSpan(rng.Next(n) * d, d)),
                1 => EuclideanDistance.Between(f, avatars.AsSpan(rng.Next(n) * d, d)),
                2 => 0.0,
                3 => double.PositiveInfinity,
                _ => EuclideanDistance.Between(f, avatars.AsSpan(i * d, d)),
            };

            thresholds[i] = EuclideanDistance.SquaredThreshold(radius);
        }

        var avatarTree = new KdTree(avatars, n, d, bucket);
        var originalTree = new KdTree(originals, n, d, bucket);
        foreach (var excludeSelf in new[] { true, false })
        {
            var exactAvatars = BruteForce(avatars, originals, n, d, thresholds, excludeSelf, int.MaxValue);
            var exactRecords = BruteForce(originals, originals, n, d, thresholds, excludeSelf, int.MaxValue);
            foreach (var limit in new[] { int.MaxValue, 1, 7, 60, 400 })
            {
                var expectedAvatars = exactAvatars.Select(c => Math.Min(c, limit)).ToArray();
                var expectedRecords = exactRecords.Select(c => Math.Min(c, limit)).ToArray();
                foreach (var threads in new[] { 1, 3 })
                {
                    Assert.Equal(expectedAvatars, NeighborSearch.CountWithinThresholds(avatarTree, originals, thresholds, excludeSelf, limit, threads, Ct));
                    Assert.Equal(expectedRecords, NeighborSearch.CountWithinThresholds(originalTree, originals, thresholds, excludeSelf, limit, threads, Ct));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CountWithinRadiiEqualsTheSingleQueryCounts(Kind kind, int n, int d, int seed, int bucket)
    {
        var points = Make(kind, n, d, seed);
        var queries = Queries(points, n, d, kind, n + 37, seed + 3);
        var rng = new Random(seed);
        var radii = Enumerable.Range(0, n + 37).Select(i => i % 5 == 0 ? EuclideanDistance.Between(queries.AsSpan(i * d, d), points.AsSpan(rng.Next(n) * d, d)) : rng.NextDouble() * 0.7).ToArray();
        var tree = new KdTree(points, n, d, bucket);
        var expected = new int[n + 37];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = tree.CountWithinRadius(queries.AsSpan(i * d, d), radii[i], i < n ? i : -1);
        }

        Assert.Equal(expected, NeighborSearch.CountWithinRadii(tree, queries, radii, excludeSelf: true, 2, cancellationToken: Ct));
    }

    [Fact]
    public void LocalCloakingCountsEqualBruteForceWithTheCap()
    {
        const int n = 2000, d = 4;
        var originals = Make(Kind.Clusters, n, d, 31);
        var avatars = Queries(originals, n, d, Kind.Clusters, n, 32);
        var thresholds = new double[n];
        for (var i = 0; i < n; i++)
        {
            thresholds[i] = EuclideanDistance.SquaredThreshold(EuclideanDistance.Between(originals.AsSpan(i * d, d), avatars.AsSpan(i * d, d)));
        }

        var exactAvatars = BruteForce(avatars, originals, n, d, thresholds, true, int.MaxValue);
        var exactRecords = BruteForce(originals, originals, n, d, thresholds, true, int.MaxValue);
        foreach (var cap in new[] { 3, 25, int.MaxValue })
        {
            var result = LocalCloaking.Compute(originals, avatars, d, Ct, cap);
            Assert.Equal(exactAvatars.Select(c => Math.Min(c, cap)), result.AvatarCounts);
            Assert.Equal(exactRecords.Select(c => Math.Min(c, cap)), result.RecordCounts);
        }
    }

    private static int[] BruteForce(double[] counted, double[] queries, int n, int d, double[] thresholds, bool excludeSelf, int limit)
    {
        var counts = new int[n];
        for (var i = 0; i < n; i++)
        {
            var q = queries.AsSpan(i * d, d);
            var count = 0;
            for (var j = 0; j < n; j++)
            {
                // Same arithmetic as EuclideanDistance.Squared: Σ (a_j − b_j)² in dimension order.
                var squared = 0.0;
                for (var t = 0; t < d; t++)
                {
                    var diff = q[t] - counted[(j * d) + t];
                    squared += diff * diff;
                }

                if ((!excludeSelf || j != i) && squared <= thresholds[i])
                {
                    count++;
                }
            }

            counts[i] = Math.Min(count, limit);
        }

        return counts;
    }
}
