using Avatars.Data;
using Avatars.Engine.MultiTable.Assignment;
using Avatars.Engine.MultiTable.Relinking;
using Avatars.Engine.Projection;

namespace Avatars.Engine.Tests.MultiTable.Relinking;

public sealed class ChildRelinkerTests
{
    private static readonly string[] Shared = RelinkTestData.Shared;

    private static ProjectionModel Projection(int seed = 1) =>
        ChildRelinker.FitProjection(RelinkTestData.Random("parents", 40, seed), Shared);

    [Theory]
    [InlineData(RelinkMethod.LinearSumAssignment)]
    [InlineData(RelinkMethod.MinimumDistanceAssignment)]
    [InlineData(RelinkMethod.SensitiveOriginalOrderAssignment)]
    public void EveryChildGetsAnExistingParentAndEveryParentExactlyItsCount(RelinkMethod method)
    {
        var parents = RelinkTestData.Random("parent_avatars", 25, seed: 2);
        var children = RelinkTestData.Random("child_avatars", 70, seed: 3, withChildVariable: true);
        int[] counts = RelinkTestData.Counts(25, 70, seed: 4);
        Assert.Contains(0, counts); // a parent without children is handled

        var result = ChildRelinker.Relink(parents, children, counts, Shared, Projection(), method);

        Assert.Equal(70, result.ParentOfChild.Count);
        Assert.All(result.ParentOfChild, p => Assert.InRange(p, 0, 24));
        var got = new int[25];
        foreach (int p in result.ParentOfChild)
        {
            got[p]++;
        }

        Assert.Equal(counts, got);
        Assert.Equal(method, result.Method);
        Assert.False(result.FellBack);
        Assert.True(result.TotalDistance > 0);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void LinearSumAssignmentTotalIsAtMostGreedyTotal(int seed)
    {
        var parents = RelinkTestData.Random("parent_avatars", 20, seed);
        var children = RelinkTestData.Random("child_avatars", 60, seed + 100);
        int[] counts = RelinkTestData.Counts(20, 60, seed + 200);
        var projection = Projection(seed);

        var exact = ChildRelinker.Relink(parents, children, counts, Shared, projection, RelinkMethod.LinearSumAssignment);
        var greedy = ChildRelinker.Relink(parents, children, counts, Shared, projection, RelinkMethod.MinimumDistanceAssignment);
        var ordered = ChildRelinker.Relink(parents, children, counts, Shared, projection, RelinkMethod.SensitiveOriginalOrderAssignment);

        Assert.True(exact.TotalDistance <= greedy.TotalDistance + 1e-9, $"LSA {exact.TotalDistance} > greedy {greedy.TotalDistance}");
        Assert.True(exact.TotalDistance <= ordered.TotalDistance + 1e-9);
    }

    [Theory]
    [InlineData(RelinkMethod.LinearSumAssignment)]
    [InlineData(RelinkMethod.MinimumDistanceAssignment)]
    public void ChildrenNearWellSeparatedClustersGoToAParentOfTheirCluster(RelinkMethod method)
    {
        (double, double)[] centres = [(0, 0), (20, 20), (-20, 20)];
        var original = RelinkTestData.Clustered("parents", centres, [15, 15, 15], 1.0, seed: 10);
        var projection = ChildRelinker.FitProjection(original, Shared);
        var parents = RelinkTestData.Clustered("parent_avatars", centres, [4, 5, 6], 1.0, seed: 11);
        int[] parentCluster = [.. Enumerable.Repeat(0, 4), .. Enumerable.Repeat(1, 5), .. Enumerable.Repeat(2, 6)];
        int[] childSizes = [10, 7, 13];
        var children = RelinkTestData.Clustered("child_avatars", centres, childSizes, 1.0, seed: 12);
        int[] childCluster = [.. Enumerable.Repeat(0, 10), .. Enumerable.Repeat(1, 7), .. Enumerable.Repeat(2, 13)];

        // Each cluster's parents offer exactly as many slots as it has children.
        int[] counts = [3, 3, 2, 2, 1, 2, 1, 2, 1, 3, 2, 2, 2, 2, 2];

        // Shuffle the children (seeded) so that the order carries no cluster information.
        int[] order = [.. Enumerable.Range(0, 30)];
        new Random(13).Shuffle(order);
        var shuffled = children.TakeRows(order);

        var result = ChildRelinker.Relink(parents, shuffled, counts, Shared, projection, method);

        for (int i = 0; i < 30; i++)
        {
            Assert.Equal(childCluster[order[i]], parentCluster[result.ParentOfChild[i]]);
        }
    }

    [Fact]
    public void SensitiveOriginalOrderKeepsTheOrder()
    {
        var parents = RelinkTestData.Random("parent_avatars", 4, seed: 20);
        var children = RelinkTestData.Random("child_avatars", 6, seed: 21);

        var result = ChildRelinker.Relink(parents, children, [2, 0, 3, 1], Shared, Projection(), RelinkMethod.SensitiveOriginalOrderAssignment);

        Assert.Equal([0, 0, 2, 2, 2, 3], result.ParentOfChild);
        Assert.Equal(RelinkMethod.SensitiveOriginalOrderAssignment, result.Method);
    }

    [Fact]
    public void LinearSumAssignmentAboveTheLimitFallsBackToGreedy()
    {
        var parents = RelinkTestData.Random("parent_avatars", 5, seed: 30);
        var children = RelinkTestData.Random("child_avatars", 12, seed: 31);
        int[] counts = RelinkTestData.Counts(5, 12, seed: 32);
        var projection = Projection();

        var result = ChildRelinker.Relink(parents, children, counts, Shared, projection, RelinkMethod.LinearSumAssignment, new AssignmentOptions { MaxExactRows = 10 });
        var greedy = ChildRelinker.Relink(parents, children, counts, Shared, projection, RelinkMethod.MinimumDistanceAssignment);

        Assert.True(result.FellBack);
        Assert.Equal(RelinkMethod.MinimumDistanceAssignment, result.Method);
        Assert.Equal(RelinkMethod.LinearSumAssignment, result.RequestedMethod);
        Assert.Equal(greedy.ParentOfChild, result.ParentOfChild);
    }

    [Fact]
    public void TheAssignmentOptionsMethodIsOverriddenByTheRelinkMethod()
    {
        var parents = RelinkTestData.Random("parent_avatars", 6, seed: 40);
        var children = RelinkTestData.Random("child_avatars", 9, seed: 41);
        int[] counts = RelinkTestData.Counts(6, 9, seed: 42);

        var result = ChildRelinker.Relink(parents, children, counts, Shared, Projection(), RelinkMethod.LinearSumAssignment, new AssignmentOptions { Method = AssignmentMethod.MinimumDistance });

        Assert.Equal(RelinkMethod.LinearSumAssignment, result.Method);
    }

    [Fact]
    public void TimeSeriesIsNotARelinkMethod()
    {
        var parents = RelinkTestData.Random("parent_avatars", 3, seed: 50);
        var children = RelinkTestData.Random("child_avatars", 6, seed: 51);

        var ex = Assert.Throws<ArgumentException>(() => ChildRelinker.Relink(parents, children, [2, 2, 2], Shared, Projection(), RelinkMethod.TimeSeries));

        Assert.Equal("method", ex.ParamName);
        Assert.StartsWith("Time-series children are rebuilt from their parent's avatars, not re-linked", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsNotAddingUpToTheChildrenAreRejected()
    {
        var parents = RelinkTestData.Random("parent_avatars", 3, seed: 50);
        var children = RelinkTestData.Random("child_avatars", 5, seed: 51);

        var ex = Assert.Throws<ArgumentException>(() => ChildRelinker.Relink(parents, children, [2, 2, 2], Shared, Projection()));

        Assert.Equal("childCounts", ex.ParamName);
        Assert.StartsWith("The child counts add up to 6 but there are 5 child avatars in 'child_avatars'; they must be equal.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsOfTheWrongLengthOrNegativeAreRejected()
    {
        var parents = RelinkTestData.Random("parent_avatars", 3, seed: 52);
        var children = RelinkTestData.Random("child_avatars", 4, seed: 53);

        var length = Assert.Throws<ArgumentException>(() => ChildRelinker.Relink(parents, children, [2, 2], Shared, Projection()));
        var negative = Assert.Throws<ArgumentException>(() => ChildRelinker.Relink(parents, children, [3, -1, 2], Shared, Projection()));

        Assert.StartsWith("There are 2 child counts but 3 parent avatars in 'parent_avatars'; give one count per parent avatar.", length.Message, StringComparison.Ordinal);
        Assert.StartsWith("The child count of parent avatar 1 is -1; counts must be at least 0.", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownVariableIsRejected()
    {
        var parents = RelinkTestData.Random("parent_avatars", 3, seed: 54);
        var children = RelinkTestData.Random("child_avatars", 3, seed: 55).Drop("y");

        var inChild = Assert.Throws<ArgumentException>(() => ChildRelinker.Relink(parents, children, [1, 1, 1], Shared, Projection()));
        var inOriginal = Assert.Throws<ArgumentException>(() => ChildRelinker.FitProjection(parents, ["x", "age"]));

        Assert.Equal("childAvatars", inChild.ParamName);
        Assert.StartsWith("Shared variable 'y' is missing. Table 'child_avatars' has no column 'y'. Its columns are: x, grp.", inChild.Message, StringComparison.Ordinal);
        Assert.Equal("originalParents", inOriginal.ParamName);
        Assert.StartsWith("Shared variable 'age' is missing.", inOriginal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProjectionOverOtherVariablesIsRejected()
    {
        var parents = RelinkTestData.Random("parent_avatars", 3, seed: 56);
        var children = RelinkTestData.Random("child_avatars", 3, seed: 57);
        var projection = ChildRelinker.FitProjection(RelinkTestData.Random("parents", 20, 58), ["x", "y"]);

        var ex = Assert.Throws<ArgumentException>(() => ChildRelinker.Relink(parents, children, [1, 1, 1], Shared, projection));

        Assert.Equal("projection", ex.ParamName);
        Assert.StartsWith("The projection was fitted on [x, y] but the shared variables are [x, y, grp];", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyOrDuplicateSharedVariablesAreRejected()
    {
        var parents = RelinkTestData.Random("parent_avatars", 3, seed: 59);

        var empty = Assert.Throws<ArgumentException>(() => ChildRelinker.FitProjection(parents, []));
        var twice = Assert.Throws<ArgumentException>(() => ChildRelinker.FitProjection(parents, ["x", "x"]));

        Assert.StartsWith("At least one shared parent variable is needed", empty.Message, StringComparison.Ordinal);
        Assert.StartsWith("The shared variable 'x' is listed twice.", twice.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RelinkMethod.LinearSumAssignment)]
    [InlineData(RelinkMethod.MinimumDistanceAssignment)]
    [InlineData(RelinkMethod.SensitiveOriginalOrderAssignment)]
    public void ParentsWithoutAnyChildGiveAnEmptyAssignment(RelinkMethod method)
    {
        var parents = RelinkTestData.Random("parent_avatars", 3, seed: 70);
        var children = RelinkTestData.Random("child_avatars", 5, seed: 71).TakeRows([]);

        var result = ChildRelinker.Relink(parents, children, [0, 0, 0], Shared, Projection(), method);

        Assert.Empty(result.ParentOfChild);
        Assert.Equal(0.0, result.TotalDistance);
    }
}
