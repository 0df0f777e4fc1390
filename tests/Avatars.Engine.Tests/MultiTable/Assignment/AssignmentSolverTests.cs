using Avatars.Engine.MultiTable.Assignment;
using static Avatars.Engine.Tests.MultiTable.Assignment.AssignmentTestData;

namespace Avatars.Engine.Tests.MultiTable.Assignment;

/// <summary>The options-driven entry point: method choice, size-limit fallback and the capacity (parent slots) variant.</summary>
public sealed class AssignmentSolverTests
{
    [Fact]
    public void DefaultsToTheExactMethod()
    {
        double[] cost = Random(6, 6, 3);
        AssignmentResult result = AssignmentSolver.Solve(cost, 6, 6);
        Assert.Equal(AssignmentMethod.LinearSumAssignment, result.Method);
        Assert.False(result.FellBack);
        Assert.Equal(LinearSumAssignment.Solve(cost, 6, 6), result.Columns);
        Assert.Equal(BruteForceOptimum(cost, 6, 6), result.TotalCost, 1e-12);
        Assert.Equal(AssignmentOptions.DefaultMaxExactRows, new AssignmentOptions().MaxExactRows);
    }

    [Fact]
    public void FallsBackToGreedyAboveTheLimit()
    {
        double[] cost = Random(10, 12, 5);
        var options = new AssignmentOptions { MaxExactRows = 9 };
        AssignmentResult result = AssignmentSolver.Solve(cost, 10, 12, options);
        Assert.Equal(AssignmentMethod.MinimumDistance, result.Method);
        Assert.Equal(AssignmentMethod.LinearSumAssignment, result.RequestedMethod);
        Assert.True(result.FellBack);
        Assert.Equal(GreedyAssignment.Solve(cost, 10, 12), result.Columns);

        AssignmentResult atLimit = AssignmentSolver.Solve(cost, 10, 12, options with { MaxExactRows = 10 });
        Assert.Equal(AssignmentMethod.LinearSumAssignment, atLimit.Method);
        Assert.True(result.TotalCost >= atLimit.TotalCost);
    }

    [Fact]
    public void MinimumDistanceWhenAsked()
    {
        double[] cost = Random(4, 4, 9);
        AssignmentResult result = AssignmentSolver.Solve(cost, 4, 4, new AssignmentOptions { Method = AssignmentMethod.MinimumDistance });
        Assert.Equal(AssignmentMethod.MinimumDistance, result.Method);
        Assert.False(result.FellBack);
        Assert.Equal(GreedyAssignment.Solve(cost, 4, 4), result.Columns);
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        double[] cost = Random(2, 2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => AssignmentSolver.Solve(cost, 2, 2, new AssignmentOptions { MaxExactRows = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AssignmentSolver.Solve(cost, 2, 2, new AssignmentOptions { Method = (AssignmentMethod)7 }));
    }

    [Fact]
    public void CapacitySlotsReplicateParents()
    {
        Assert.Equal([0, 0, 2, 2, 2], CapacitySlots.Owners([2, 0, 3]));
        double[] cost = [1, 2, 3, 4, 5, 6];
        Assert.Equal([1, 1, 3, 3, 3, 4, 4, 6, 6, 6], CapacitySlots.Expand(cost, 2, 3, CapacitySlots.Owners([2, 0, 3])));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ParentsWithChildCountsMatchBruteForceOverSlots(int seed)
    {
        // 7 child avatars, 3 parent avatars with avatarized child counts 3, 1, 3 (Σ = 7: every slot filled).
        int[] capacities = [3, 1, 3];
        double[] cost = Random(7, 3, seed, levels: seed % 2 == 0 ? 0 : 4);
        AssignmentResult exact = AssignmentSolver.SolveWithCapacities(cost, 7, capacities);
        AssertFeasible(exact.Columns, 7, capacities);
        int[] owners = CapacitySlots.Owners(capacities);
        double[] slots = CapacitySlots.Expand(cost, 7, 3, owners);
        Assert.Equal(BruteForceOptimum(slots, 7, owners.Length), exact.TotalCost, 1e-12);
        Assert.Equal(exact.TotalCost, Total(cost, 3, exact.Columns), 1e-12);

        AssignmentResult greedy = AssignmentSolver.SolveWithCapacities(cost, 7, capacities, new AssignmentOptions { Method = AssignmentMethod.MinimumDistance });
        AssertFeasible(greedy.Columns, 7, capacities);
        Assert.True(greedy.TotalCost >= exact.TotalCost - 1e-12);

        // Greedy on capacities is greedy on the replicated slots.
        int[] greedySlots = GreedyAssignment.Solve(slots, 7, owners.Length);
        Assert.Equal(greedySlots.Select(s => owners[s]), greedy.Columns);
    }

    [Fact]
    public void EuclideanParentsAndChildrenAreRelinkedToTheirCluster()
    {
        // Two parents far apart, each with two children near it: the exact assignment recovers the clusters.
        double[][] parents = [[0, 0], [10, 10]];
        double[][] children = [[9.5, 10], [0.2, 0], [10, 9.8], [0, 0.3]];
        var cost = new double[children.Length * parents.Length];
        for (int i = 0; i < children.Length; i++)
        {
            for (int j = 0; j < parents.Length; j++)
            {
                cost[(i * parents.Length) + j] = Math.Sqrt(Math.Pow(children[i][0] - parents[j][0], 2) + Math.Pow(children[i][1] - parents[j][1], 2));
            }
        }

        AssignmentResult result = AssignmentSolver.SolveWithCapacities(cost, 4, [2, 2]);
        Assert.Equal([1, 0, 1, 0], result.Columns);
    }
}
