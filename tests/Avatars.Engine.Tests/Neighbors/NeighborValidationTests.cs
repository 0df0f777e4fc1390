using Avatars.Engine.Neighbors;

namespace Avatars.Engine.Tests.Neighbors;

/// <summary>Argument checks: ArgumentOutOfRangeException with the parameter name and a precise message.</summary>
public sealed class NeighborValidationTests
{
    private static readonly double[] Points150 = NeighborTestData.Make(NeighborTestData.Kind.Uniform, 150, 3, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void KMustBeSmallerThanTheNumberOfRowsWhenExcludingSelf()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.SelfNeighbors(Points150, 150, 3, 500, cancellationToken: Ct));
        Assert.Equal("k", ex.ParamName);
        Assert.StartsWith("k = 500 must be smaller than the number of rows (150).", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.SelfNeighbors(new KdTree(Points150, 150, 3), 150, cancellationToken: Ct));
        Assert.StartsWith("k = 150 must be smaller than the number of rows (150).", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.SelfNeighbors([1.0], 1, 1, 1, cancellationToken: Ct));
        Assert.StartsWith("k = 1 must be smaller than the number of rows (1).", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.Neighbors(new KdTree(Points150, 150, 3), Points150, 150, excludeSelf: true, cancellationToken: Ct));
        Assert.StartsWith("k = 150 must be smaller than the number of rows (150).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KMustBeAtLeastOneAndAtMostTheReferenceRows()
    {
        var tree = new KdTree(Points150, 150, 3);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.SelfNeighbors(Points150, 150, 3, 0, cancellationToken: Ct));
        Assert.Equal("k", ex.ParamName);
        Assert.StartsWith("k = 0 must be at least 1.", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.Neighbors(tree, Points150, 151, cancellationToken: Ct));
        Assert.StartsWith("k = 151 must not exceed the number of reference rows (150).", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => tree.Query(Points150.AsSpan(0, 3), -2, new int[4], new double[4]));
        Assert.Equal("k", ex.ParamName);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.NearestIn(new KdTree([], 0, 3), Points150, cancellationToken: Ct));
        Assert.StartsWith("k = 1 must not exceed the number of reference rows (0).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DimensionMismatchesNameTheParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KdTree(Points150, 149, 3));
        Assert.Equal("points", ex.ParamName);
        Assert.StartsWith("Dimension mismatch: points has 450 values but 149 rows × 3 dimensions need 447.", ex.Message, StringComparison.Ordinal);

        var tree = new KdTree(Points150, 150, 3);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => tree.Nearest([1.0, 2.0], out _));
        Assert.Equal("point", ex.ParamName);
        Assert.StartsWith("Dimension mismatch: point has 2 coordinates but the index has dimension 3.", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.NearestIn(tree, new double[7], cancellationToken: Ct));
        Assert.Equal("queries", ex.ParamName);
        Assert.Contains("7 values, which is not a whole number of rows of dimension 3", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.CountWithinRadii(tree, new double[6], new double[3], excludeSelf: false, cancellationToken: Ct));
        Assert.Equal("radii", ex.ParamName);
        Assert.StartsWith("radii has 3 values but there are 2 query rows.", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentOutOfRangeException>(() => EuclideanDistance.Squared([1.0, 2.0], [1.0]));
        Assert.Equal("b", ex.ParamName);

        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => new KdTree([], 0, 0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new BruteForceNeighbors([], -1, 2)).ParamName);
        Assert.Equal("bucketSize", Assert.Throws<ArgumentOutOfRangeException>(() => new KdTree(Points150, 150, 3, bucketSize: 1)).ParamName);
        Assert.Equal("indices", Assert.Throws<ArgumentOutOfRangeException>(() => tree.Query(Points150.AsSpan(0, 3), 5, new int[4], new double[5])).ParamName);
        Assert.Equal("distances", Assert.Throws<ArgumentOutOfRangeException>(() => tree.Query(Points150.AsSpan(0, 3), 5, new int[5], new double[4])).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => tree.CopyPoint(150, new double[3])).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteCoordinatesNameTheRow(double bad)
    {
        var points = (double[])Points150.Clone();
        points[(17 * 3) + 2] = bad;
        foreach (var build in new Func<object>[] { () => new KdTree(points, 150, 3), () => new BruteForceNeighbors(points, 150, 3), () => NeighborSearch.SelfNeighbors(points, 150, 3, 5, cancellationToken: Ct) })
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(build);
            Assert.Equal("points", ex.ParamName);
            Assert.StartsWith("Row 17 of points has a non-finite coordinate (column 2 = ", ex.Message, StringComparison.Ordinal);
        }

        var tree = new KdTree(Points150, 150, 3);
        var query = new[] { 0.5, bad, 0.5 };
        Assert.Equal("point", Assert.Throws<ArgumentOutOfRangeException>(() => tree.Nearest(query, out _)).ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentOutOfRangeException>(() => tree.CountWithinRadius(query, 1.0)).ParamName);
        var batch = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.NearestIn(tree, points, cancellationToken: Ct));
        Assert.Equal("queries", batch.ParamName);
        Assert.StartsWith("Row 17 of queries has a non-finite coordinate", batch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RadiiAndExclusionsAreChecked()
    {
        var tree = new KdTree(Points150, 150, 3);
        var brute = new BruteForceNeighbors(Points150, 150, 3);
        foreach (var index in new INeighborIndex[] { tree, brute })
        {
            Assert.Equal("radius", Assert.Throws<ArgumentOutOfRangeException>(() => index.CountWithinRadius([0.0, 0.0, 0.0], -1.0)).ParamName);
            Assert.Equal("radius", Assert.Throws<ArgumentOutOfRangeException>(() => index.CountWithinRadius([0.0, 0.0, 0.0], double.NaN)).ParamName);
            Assert.Equal("excludeIndex", Assert.Throws<ArgumentOutOfRangeException>(() => index.Nearest([0.0, 0.0, 0.0], out _, 150)).ParamName);
            Assert.Equal("excludeIndex", Assert.Throws<ArgumentOutOfRangeException>(() => index.CountWithinRadius([0.0, 0.0, 0.0], 1.0, -2)).ParamName);
        }

        var radii = new double[150];
        radii[3] = -0.5;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.CountWithinRadii(tree, Points150, radii, excludeSelf: true, cancellationToken: Ct));
        Assert.Equal("radii", ex.ParamName);
        Assert.StartsWith("radii[3] = -0.5 must be a non-negative number.", ex.Message, StringComparison.Ordinal);
    }
}
