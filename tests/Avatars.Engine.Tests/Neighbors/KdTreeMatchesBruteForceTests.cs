using Avatars.Engine.Neighbors;
using static Avatars.Engine.Tests.Neighbors.NeighborTestData;

namespace Avatars.Engine.Tests.Neighbors;

/// <summary>Property tests: the k-d tree answers exactly (bitwise) what the brute-force oracle answers.</summary>
public sealed class KdTreeMatchesBruteForceTests
{
    public static TheoryData<Kind, int, int, int> Cases()
    {
        var data = new TheoryData<Kind, int, int, int>();
        var seed = 1;
        foreach (var kind in Enum.GetValues<Kind>())
        {
            foreach (var (n, d) in new[] { (3, 1), (40, 1), (300, 1), (17, 2), (200, 2), (1500, 2), (64, 3), (700, 3), (333, 4), (1200, 5), (500, 6), (257, 7), (800, 8) })
            {
                data.Add(kind, n, d, seed++);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void QueryEqualsBruteForceForEveryKWithAndWithoutExclusion(Kind kind, int n, int d, int seed)
    {
        var points = Make(kind, n, d, seed);
        var brute = new BruteForceNeighbors(points, n, d);
        var queries = Queries(points, n, d, kind, 60, seed * 31);
        var rng = new Random(seed);
        const int K = 30;
        var ti = new int[K];
        var bi = new int[K];
        var td = new double[K];
        var bd = new double[K];
        foreach (var bucket in new[] { 2, 3, KdTree.DefaultBucketSize, 32 })
        {
            var tree = new KdTree(points, n, d, bucket);
            for (var q = 0; q < queries.Length / d; q++)
            {
                var point = queries.AsSpan(q * d, d);
                var k = 1 + (q % K);
                var exclude = q % 2 == 0 ? -1 : rng.Next(n);
                var tf = tree.Query(point, k, ti, td, exclude);
                var bf = brute.Query(point, k, bi, bd, exclude);
                Assert.Equal(bf, tf);
                AssertSame(bi.AsSpan(0, k), bd.AsSpan(0, k), ti.AsSpan(0, k), td.AsSpan(0, k), $"{kind} n={n} d={d} bucket={bucket} q={q} k={k} exclude={exclude}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SelfQueriesEqualBruteForce(Kind kind, int n, int d, int seed)
    {
        var points = Make(kind, n, d, seed);
        var brute = new BruteForceNeighbors(points, n, d);
        var tree = new KdTree(points, n, d);
        var k = Math.Min(21, n - 1);
        var ti = new int[k];
        var bi = new int[k];
        var td = new double[k];
        var bd = new double[k];
        for (var i = 0; i < n; i += Math.Max(1, n / 150))
        {
            var point = points.AsSpan(i * d, d);
            tree.Query(point, k, ti, td, i);
            brute.Query(point, k, bi, bd, i);
            AssertSame(bi, bd, ti, td, $"{kind} n={n} d={d} row={i}");
            Assert.DoesNotContain(i, ti);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NearestEqualsBruteForce(Kind kind, int n, int d, int seed)
    {
        var points = Make(kind, n, d, seed);
        var brute = new BruteForceNeighbors(points, n, d);
        var tree = new KdTree(points, n, d, 4);
        var queries = Queries(points, n, d, kind, 200, seed * 17);
        for (var q = 0; q < queries.Length / d; q++)
        {
            var point = queries.AsSpan(q * d, d);
            var exclude = q % 3 == 0 ? q % n : -1;
            var t = tree.Nearest(point, out var tdist, exclude);
            var b = brute.Nearest(point, out var bdist, exclude);
            Assert.Equal(b, t);
            Assert.Equal(BitConverter.DoubleToInt64Bits(bdist), BitConverter.DoubleToInt64Bits(tdist));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RadiusCountsEqualBruteForceIncludingRadiiAtExactNeighbourDistances(Kind kind, int n, int d, int seed)
    {
        var points = Make(kind, n, d, seed);
        var brute = new BruteForceNeighbors(points, n, d);
        var tree = new KdTree(points, n, d, 3);
        var queries = Queries(points, n, d, kind, 90, seed * 13);
        var rng = new Random(seed);
        var idx = new int[30];
        var dist = new double[30];
        for (var q = 0; q < queries.Length / d; q++)
        {
            var point = queries.AsSpan(q * d, d);
            var exclude = q % 2 == 0 ? -1 : rng.Next(n);

            // Radii exactly at a neighbour's distance (the own-avatar case), at 0, a bit around, and unbounded.
            var found = brute.Query(point, Math.Min(30, n), idx, dist);
            var radii = new List<double> { 0, double.PositiveInfinity, rng.NextDouble(), rng.NextDouble() * 3 };
            for (var r = 0; r < found; r += 3)
            {
                radii.Add(dist[r]);
                radii.Add(Math.BitDecrement(dist[r]));
                radii.Add(Math.BitIncrement(dist[r]));
            }

            foreach (var radius in radii)
            {
                if (radius < 0)
                {
                    continue;
                }

                var expected = brute.CountWithinRadius(point, radius, exclude);
                Assert.Equal(expected, tree.CountWithinRadius(point, radius, exclude));
            }

            // A point at exactly the radius computed with EuclideanDistance is counted.
            if (n > 0)
            {
                var target = rng.Next(n);
                var own = EuclideanDistance.Between(point, points.AsSpan(target * d, d));
                var withTarget = tree.CountWithinRadius(point, own);
                var withoutTarget = tree.CountWithinRadius(point, own, target);
                Assert.Equal(withTarget - 1, withoutTarget);
            }
        }
    }

    [Fact]
    public void DuplicatesOfTheQueryAreKeptAtDistanceZeroAndTheQueryRowIsExcluded()
    {
        // Rows 0, 2 and 5 are the same point; row 5 asks for its neighbours.
        double[] points = [1, 1, 0, 0, 1, 1, 3, 3, 0, 1, 1, 1, 1, 2];
        var tree = new KdTree(points, 7, 2, 2);
        var idx = new int[3];
        var dist = new double[3];
        tree.Query(points.AsSpan(10, 2), 3, idx, dist, excludeIndex: 5);
        Assert.Equal([0, 2, 4], idx);
        Assert.Equal([0.0, 0.0, 1.0], dist);
    }

    [Fact]
    public void LowestIndexWinsTheLastPlaceAmongEqualDistances()
    {
        // Eight points at distance 1 from the origin (axis directions, some repeated), asked for k = 3.
        double[] points = [0, 1, 1, 0, 0, -1, -1, 0, 1, 0, 0, 1, 0, -1, -1, 0];
        var tree = new KdTree(points, 8, 2, 2);
        var idx = new int[3];
        var dist = new double[3];
        tree.Query([0, 0], 3, idx, dist);
        Assert.Equal([0, 1, 2], idx);
        Assert.Equal(0, tree.Nearest([0, 0], out var d0));
        Assert.Equal(1.0, d0);
        Assert.Equal(1, tree.Nearest([0, 0], out _, excludeIndex: 0));
        Assert.Equal(8, tree.CountWithinRadius([0, 0], 1.0));
        Assert.Equal(0, tree.CountWithinRadius([0, 0], Math.BitDecrement(1.0)));
    }

    internal static void AssertSame(ReadOnlySpan<int> expectedIndices, ReadOnlySpan<double> expectedDistances, ReadOnlySpan<int> actualIndices, ReadOnlySpan<double> actualDistances, string context)
    {
        for (var i = 0; i < expectedIndices.Length; i++)
        {
            if (expectedIndices[i] != actualIndices[i] || BitConverter.DoubleToInt64Bits(expectedDistances[i]) != BitConverter.DoubleToInt64Bits(actualDistances[i]))
            {
                Assert.Fail($"{context}: rank {i}: expected ({expectedIndices[i]}, {expectedDistances[i]:R}), got ({actualIndices[i]}, {actualDistances[i]:R}).");
            }
        }
    }
}
