using Avatars.Engine.Neighbors;
using static Avatars.Engine.Tests.Neighbors.NeighborTestData;

namespace Avatars.Engine.Tests.Neighbors;

/// <summary>Batch searches: exact against brute force and independent of the degree of parallelism.</summary>
public sealed class NeighborSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Kind, int, int, int, int> SelfCases()
    {
        var data = new TheoryData<Kind, int, int, int, int>();
        var seed = 100;
        foreach (var kind in Enum.GetValues<Kind>())
        {
            foreach (var (n, d, k) in new[] { (2, 1, 1), (3, 2, 2), (31, 1, 30), (200, 1, 7), (500, 2, 21), (1000, 3, 1), (1500, 3, 21), (2000, 5, 21), (900, 6, 30), (1200, 8, 5) })
            {
                data.Add(kind, n, d, k, seed++);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SelfCases))]
    public void SelfNeighborsEqualBruteForceWhateverTheParallelism(Kind kind, int n, int d, int k, int seed)
    {
        var points = Make(kind, n, d, seed);
        var expected = NeighborSearch.SelfNeighbors(new BruteForceNeighbors(points, n, d), k, maxDegreeOfParallelism: 1, cancellationToken: Ct);
        foreach (var bucket in new[] { 2, 5, KdTree.DefaultBucketSize, 40 })
        {
            var tree = new KdTree(points, n, d, bucket, maxDegreeOfParallelism: 2);
            foreach (var threads in new[] { 1, 4 })
            {
                var actual = NeighborSearch.SelfNeighbors(tree, k, threads, cancellationToken: Ct);
                AssertSame(expected, actual, $"{kind} n={n} d={d} k={k} bucket={bucket} threads={threads}");
            }
        }

        var direct = NeighborSearch.SelfNeighbors(points, n, d, k, maxDegreeOfParallelism: 4, cancellationToken: Ct);
        AssertSame(expected, direct, $"{kind} n={n} d={d} k={k} from points");
        for (var i = 0; i < n; i++)
        {
            Assert.DoesNotContain(i, direct.IndicesOf(i).ToArray());
        }
    }

    [Fact]
    public void SelfNeighborsAreIdenticalWithOneAndFourThreadsOnALargerSet()
    {
        const int N = 20_000;
        const int D = 5;
        var points = Make(Kind.Decimals, N, D, 7);
        var one = NeighborSearch.SelfNeighbors(points, N, D, 21, maxDegreeOfParallelism: 1, cancellationToken: Ct);
        var four = NeighborSearch.SelfNeighbors(points, N, D, 21, maxDegreeOfParallelism: 4, cancellationToken: Ct);
        Assert.Equal(one.Indices, four.Indices);
        Assert.Equal(one.Distances, four.Distances);

        var brute = new BruteForceNeighbors(points, N, D);
        var idx = new int[21];
        var dist = new double[21];
        for (var i = 0; i < N; i += 97)
        {
            brute.Query(points.AsSpan(i * D, D), 21, idx, dist, i);
            Assert.Equal(idx, one.IndicesOf(i).ToArray());
            Assert.Equal(dist, one.DistancesOf(i).ToArray());
        }
    }

    [Theory]
    [InlineData(Kind.Uniform, 400, 3000, 2, 1)]
    [InlineData(Kind.SmallIntegers, 3000, 2500, 4, 2)]
    [InlineData(Kind.Lattice, 600, 700, 3, 3)]
    [InlineData(Kind.Repeated, 1000, 5000, 5, 4)]
    [InlineData(Kind.Decimals, 2048, 2049, 2, 5)]
    [InlineData(Kind.Clusters, 5000, 3000, 6, 6)]
    [InlineData(Kind.Repeated, 5, 300, 2, 7)]
    [InlineData(Kind.SmallIntegers, 33, 500, 3, 8)]
    [InlineData(Kind.Lattice, 1, 40, 1, 9)]
    public void NearestInAndNeighborsBetweenTwoSetsEqualBruteForce(Kind kind, int referenceCount, int queryCount, int d, int seed)
    {
        var reference = Make(kind, referenceCount, d, seed);
        var queries = Queries(reference, referenceCount, d, kind, queryCount, seed + 50);
        var brute = new BruteForceNeighbors(reference, referenceCount, d);
        var tree = new KdTree(reference, referenceCount, d);

        var expected = NeighborSearch.NearestIn(brute, queries, maxDegreeOfParallelism: 1, cancellationToken: Ct);
        foreach (var threads in new[] { 1, 4 })
        {
            AssertSame(expected, NeighborSearch.NearestIn(tree, queries, threads, cancellationToken: Ct), $"NearestIn threads={threads}");
        }

        AssertSame(expected, NeighborSearch.NearestIn(reference, referenceCount, d, queries, 2, cancellationToken: Ct), "NearestIn from points");
        Assert.Equal(1, expected.K);
        Assert.Equal(queryCount, expected.RowCount);

        foreach (var excludeSelf in new[] { false, true })
        {
            var k = Math.Min(1 + (seed * 5 % 29), excludeSelf ? referenceCount - 1 : referenceCount);
            if (k < 1)
            {
                continue;
            }

            var expectedK = NeighborSearch.Neighbors(brute, queries, k, excludeSelf, 1, cancellationToken: Ct);
            AssertSame(expectedK, NeighborSearch.Neighbors(tree, queries, k, excludeSelf, 1, cancellationToken: Ct), $"Neighbors k={k} excludeSelf={excludeSelf}");
            AssertSame(expectedK, NeighborSearch.Neighbors(tree, queries, k, excludeSelf, 4, cancellationToken: Ct), $"Neighbors k={k} excludeSelf={excludeSelf} 4 threads");
        }
    }

    [Theory]
    [InlineData(Kind.Uniform, 3000, 3, 1)]
    [InlineData(Kind.SmallIntegers, 2500, 4, 2)]
    [InlineData(Kind.Lattice, 700, 2, 3)]
    [InlineData(Kind.Repeated, 4000, 5, 4)]
    [InlineData(Kind.Decimals, 3000, 5, 5)]
    [InlineData(Kind.Clusters, 2200, 8, 6)]
    public void CountWithinRadiiAtTheOwnAvatarDistanceEqualsBruteForce(Kind kind, int n, int d, int seed)
    {
        // Local cloaking: originals F, "avatars" G (rows of F moved or copied); radius_i = ‖F_i − G_i‖.
        var originals = Make(kind, n, d, seed);
        var avatars = Queries(originals, n, d, kind, n, seed + 9);
        var radii = new double[n];
        for (var i = 0; i < n; i++)
        {
            radii[i] = EuclideanDistance.Between(originals.AsSpan(i * d, d), avatars.AsSpan(i * d, d));
        }

        var avatarTree = new KdTree(avatars, n, d);
        var avatarBrute = new BruteForceNeighbors(avatars, n, d);
        foreach (var excludeSelf in new[] { true, false })
        {
            var expected = NeighborSearch.CountWithinRadii(avatarBrute, originals, radii, excludeSelf, 1, cancellationToken: Ct);
            Assert.Equal(expected, NeighborSearch.CountWithinRadii(avatarTree, originals, radii, excludeSelf, 1, cancellationToken: Ct));
            Assert.Equal(expected, NeighborSearch.CountWithinRadii(avatarTree, originals, radii, excludeSelf, 4, cancellationToken: Ct));
            if (!excludeSelf)
            {
                // The own avatar is always within its own distance.
                Assert.All(expected, c => Assert.True(c >= 1));
            }
        }
    }

    [Fact]
    public void HighDimensionsAndLargeBucketsUsePooledBuffersWithTheSameAnswers()
    {
        const int N = 300;
        const int D = 130;
        var points = Make(Kind.Decimals, N, D, 21);
        var brute = new BruteForceNeighbors(points, N, D);
        var expected = NeighborSearch.SelfNeighbors(brute, 9, 1, cancellationToken: Ct);
        foreach (var bucket in new[] { 16, 100 })
        {
            var tree = new KdTree(points, N, D, bucket);
            AssertSame(expected, NeighborSearch.SelfNeighbors(tree, 9, 2, cancellationToken: Ct), $"bucket={bucket}");
            var queries = Queries(points, N, D, Kind.Decimals, 2100, 5);
            AssertSame(NeighborSearch.Neighbors(brute, queries, 3, cancellationToken: Ct), NeighborSearch.Neighbors(tree, queries, 3, cancellationToken: Ct), $"queries bucket={bucket}");
            var radii = Enumerable.Range(0, 2100).Select(i => (i % 7) * 0.3).ToArray();
            Assert.Equal(NeighborSearch.CountWithinRadii(brute, queries, radii, true, cancellationToken: Ct), NeighborSearch.CountWithinRadii(tree, queries, radii, true, cancellationToken: Ct));
        }
    }

    [Fact]
    public void TwoPointsAreEachOthersNeighbour()
    {
        var result = NeighborSearch.SelfNeighbors([0.0, 0.0, 3.0, 4.0], 2, 2, 1, 1, cancellationToken: Ct);
        Assert.Equal([1, 0], result.Indices);
        Assert.Equal([5.0, 5.0], result.Distances);
    }

    [Fact]
    public void EmptyAndSingleRowIndexesAnswerWithoutNeighbours()
    {
        var empty = new KdTree([], 0, 3);
        Assert.Equal(0, empty.Count);
        var idx = new int[2];
        var dist = new double[2];
        Assert.Equal(0, empty.Query([1.0, 2.0, 3.0], 2, idx, dist));
        Assert.Equal([-1, -1], idx);
        Assert.Equal([double.PositiveInfinity, double.PositiveInfinity], dist);
        Assert.Equal(-1, empty.Nearest([1.0, 2.0, 3.0], out var none));
        Assert.Equal(double.PositiveInfinity, none);
        Assert.Equal(0, empty.CountWithinRadius([1.0, 2.0, 3.0], double.PositiveInfinity));

        var single = new KdTree([1.0, 1.0, 1.0], 1, 3);
        Assert.Equal(1, single.Query([0.0, 1.0, 1.0], 2, idx, dist));
        Assert.Equal([0, -1], idx);
        Assert.Equal([1.0, double.PositiveInfinity], dist);
        Assert.Equal(0, single.Query([0.0, 1.0, 1.0], 1, idx, dist, excludeIndex: 0));
        Assert.Equal(-1, single.Nearest([0.0, 1.0, 1.0], out _, excludeIndex: 0));
        Assert.Equal(1, single.CountWithinRadius([0.0, 1.0, 1.0], 1.0));
        Assert.Equal(0, single.CountWithinRadius([0.0, 1.0, 1.0], 1.0, excludeIndex: 0));

        Assert.Empty(NeighborSearch.NearestIn(single, ReadOnlyMemory<double>.Empty, cancellationToken: Ct).Indices);
        Assert.Empty(NeighborSearch.CountWithinRadii(empty, ReadOnlyMemory<double>.Empty, ReadOnlyMemory<double>.Empty, excludeSelf: true, cancellationToken: Ct));
        Assert.Equal([0], NeighborSearch.CountWithinRadii(empty, new double[] { 1, 2, 3 }, new double[] { 5 }, excludeSelf: false, cancellationToken: Ct));
    }

    [Fact]
    public void ProgressIsReportedPerBlockUpToOneAndCancellationIsHonoured()
    {
        const int N = 10_000;
        var points = Make(Kind.Uniform, N, 2, 3);
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        NeighborSearch.SelfNeighbors(points, N, 2, 3, 2, CancellationToken.None, progress);
        Assert.True(reports.Count >= 2);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.SequenceEqual(reports.Order()));

        reports.Clear();
        NeighborSearch.NearestIn(new KdTree(points, N, 2), points, 2, CancellationToken.None, progress);
        Assert.True(reports.Count >= (N / NeighborSearch.BlockSize) - 1);
        Assert.True(reports.SequenceEqual(reports.Order()));
        Assert.Equal(1.0, reports[^1]);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => NeighborSearch.SelfNeighbors(points, N, 2, 3, 2, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => NeighborSearch.CountWithinRadii(new KdTree(points, N, 2), points, new double[N], true, 2, cts.Token));

        // Cancelled from inside the run (after the first block): stops with OperationCanceledException.
        using var midway = new CancellationTokenSource();
        var cancelling = new SynchronousProgress([], _ => midway.Cancel());
        Assert.ThrowsAny<OperationCanceledException>(() => NeighborSearch.NearestIn(new KdTree(points, N, 2), points, 1, midway.Token, cancelling));
    }

    internal static void AssertSame(NeighborResult expected, NeighborResult actual, string context)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.K, actual.K);
        for (var row = 0; row < expected.RowCount; row++)
        {
            KdTreeMatchesBruteForceTests.AssertSame(expected.IndicesOf(row), expected.DistancesOf(row), actual.IndicesOf(row), actual.DistancesOf(row), $"{context} row={row}");
        }
    }

    private sealed class SynchronousProgress(List<double> reports, Action<double>? onReport = null) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
            {
                reports.Add(value);
            }

            onReport?.Invoke(value);
        }
    }
}
