using Avatars.Engine.MultiTable.Assignment;
using static Avatars.Engine.Tests.MultiTable.Assignment.AssignmentTestData;

namespace Avatars.Engine.Tests.MultiTable.Assignment;

/// <summary>The greedy minimum-distance assignment: feasibility, cost against the optimum, documented order.</summary>
public sealed class GreedyAssignmentTests
{
    [Theory]
    [InlineData(5, 5, 0)]
    [InlineData(6, 9, 0)]
    [InlineData(7, 7, 3)]
    [InlineData(40, 40, 0)]
    [InlineData(40, 55, 5)]
    public void IsFeasibleAndNotBelowTheOptimum(int rows, int columns, int levels)
    {
        for (int seed = 0; seed < 10; seed++)
        {
            double[] cost = Random(rows, columns, seed + (31 * rows), levels);
            int[] greedy = GreedyAssignment.Solve(cost, rows, columns);
            AssertFeasible(greedy, rows, Ones(columns));
            double optimum = Total(cost, columns, LinearSumAssignment.Solve(cost, rows, columns));
            Assert.True(Total(cost, columns, greedy) >= optimum - 1e-12);
        }
    }

    [Fact]
    public void RowsTakeTheirNearestFreeColumnInIndexOrder()
    {
        // Row 0 takes column 0 (1); row 1 would like column 0 too but it is taken, so it gets column 1 (10):
        // total 11, whereas the optimum is 2 + 2 = 4.
        var cost = new double[,] { { 1, 2 }, { 2, 10 } };
        Assert.Equal([0, 1], GreedyAssignment.Solve(cost));
        Assert.Equal([1, 0], LinearSumAssignment.Solve(cost));
    }

    [Fact]
    public void TiesGoToTheLowestColumn()
    {
        var cost = new double[,] { { 3, 1, 1 }, { 1, 1, 1 } };
        Assert.Equal([1, 0], GreedyAssignment.Solve(cost));
    }

    [Fact]
    public void CapacitiesAreRespected()
    {
        // Every row prefers column 0, which takes two rows; column 1 is empty (capacity 0); column 2 takes the rest.
        double[] cost = [0, 5, 9, 0, 5, 9, 0, 5, 9, 0, 5, 9];
        int[] assigned = GreedyAssignment.Solve(cost, 4, [2, 0, 3]);
        Assert.Equal([0, 0, 2, 2], assigned);
        AssertFeasible(assigned, 4, [2, 0, 3]);
    }

    [Fact]
    public void CapacityErrors()
    {
        double[] cost = new double[6];
        var negative = Assert.Throws<ArgumentException>(() => GreedyAssignment.Solve(cost, 2, [4, -1, 0]));
        Assert.StartsWith("Capacity of column 1 is -1; capacities must be at least 0.", negative.Message, StringComparison.Ordinal);
        var tooFew = Assert.Throws<ArgumentException>(() => GreedyAssignment.Solve(cost, 2, [1, 0, 0]));
        Assert.StartsWith("The capacities add up to 1 but 2 rows must be assigned", tooFew.Message, StringComparison.Ordinal);
        Assert.Equal("capacities", tooFew.ParamName);
    }

    [Fact]
    public void ValidatesLikeTheExactSolver()
    {
        Assert.Throws<ArgumentException>(() => GreedyAssignment.Solve(new double[3, 2]));
        var cost = new double[,] { { 1, double.NaN } };
        var ex = Assert.Throws<ArgumentException>(() => GreedyAssignment.Solve(cost));
        Assert.StartsWith("Cost [0, 1] (row, column) is NaN", ex.Message, StringComparison.Ordinal);
    }
}
