using Avatars.Engine.MultiTable.Assignment;
using static Avatars.Engine.Tests.MultiTable.Assignment.AssignmentTestData;

namespace Avatars.Engine.Tests.MultiTable.Assignment;

/// <summary>The exact solver against brute force, textbook examples, ties and its validation messages.</summary>
public sealed class LinearSumAssignmentTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int rows in new[] { 1, 2, 3, 4, 5, 6, 7 })
        {
            foreach (int extra in new[] { 0, 1, 3 })
            {
                int columns = rows + extra;
                if (columns > 8 || (rows == 7 && extra > 0))
                {
                    continue; // keep the brute force at most 8!/2 injective maps
                }

                data.Add(rows, columns, 0);
                data.Add(rows, columns, 3);
                data.Add(rows, columns, 2);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void OptimumEqualsBruteForce(int rows, int columns, int levels)
    {
        for (int seed = 0; seed < 8; seed++)
        {
            double[] cost = Random(rows, columns, (1000 * rows) + (100 * columns) + (10 * levels) + seed, levels);
            int[] assigned = LinearSumAssignment.Solve(cost, rows, columns);
            AssertFeasible(assigned, rows, Ones(columns));
            Assert.Equal(BruteForceOptimum(cost, rows, columns), Total(cost, columns, assigned), 1e-12);
        }
    }

    [Fact]
    public void NegativeCostsAreMinimised()
    {
        double[] cost = Random(6, 7, 42);
        for (int k = 0; k < cost.Length; k++)
        {
            cost[k] = (cost[k] - 0.5) * 1e6;
        }

        int[] assigned = LinearSumAssignment.Solve(cost, 6, 7);
        Assert.Equal(BruteForceOptimum(cost, 6, 7), Total(cost, 7, assigned), 1e-6);
    }

    [Fact]
    public void ScipyDocumentationExample()
    {
        // scipy.optimize.linear_sum_assignment docstring: col_ind = [1, 0, 2], total 5.
        var cost = new double[,] { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };
        Assert.Equal([1, 0, 2], LinearSumAssignment.Solve(cost));
    }

    [Fact]
    public void ClassicHungarianExample()
    {
        // The 4 × 4 worker/job textbook example: optimum 13 = 2 + 6 + 1 + 4.
        var cost = new double[,] { { 9, 2, 7, 8 }, { 6, 4, 3, 7 }, { 5, 8, 1, 8 }, { 7, 6, 9, 4 } };
        int[] assigned = LinearSumAssignment.Solve(cost);
        Assert.Equal([1, 0, 2, 3], assigned);
    }

    [Fact]
    public void RectangularPicksTheCheapestColumns()
    {
        var cost = new double[,] { { 5, 9, 1, 7 }, { 10, 3, 2, 8 } };
        // Optimum 4: row 0 → column 2 (1), row 1 → column 1 (3).
        Assert.Equal([2, 1], LinearSumAssignment.Solve(cost));
    }

    [Fact]
    public void AllEqualCostsGiveTheIdentity()
    {
        var cost = new double[5, 5];
        Assert.Equal([0, 1, 2, 3, 4], LinearSumAssignment.Solve(cost));

        var wide = new double[3, 6];
        Assert.Equal([0, 1, 2], LinearSumAssignment.Solve(wide));
    }

    [Fact]
    public void IsDeterministicAndDoesNotModifyTheInput()
    {
        double[] cost = Random(60, 80, 7, levels: 4);
        double[] copy = (double[])cost.Clone();
        int[] first = LinearSumAssignment.Solve(cost, 60, 80);
        int[] second = LinearSumAssignment.Solve(cost, 60, 80);
        Assert.Equal(first, second);
        Assert.Equal(copy, cost);
        AssertFeasible(first, 60, Ones(80));
    }

    [Fact]
    public void EmptyMatricesGiveEmptyAssignments()
    {
        Assert.Empty(LinearSumAssignment.Solve(new double[0, 0]));
        Assert.Empty(LinearSumAssignment.Solve(new double[0, 4]));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "positive infinity")]
    [InlineData(double.NegativeInfinity, "negative infinity")]
    public void NonFiniteCostIsRejectedWithItsPosition(double bad, string word)
    {
        var cost = new double[,] { { 1, 2, 3 }, { 4, 5, bad } };
        var ex = Assert.Throws<ArgumentException>(() => LinearSumAssignment.Solve(cost));
        Assert.Equal("cost", ex.ParamName);
        Assert.StartsWith($"Cost [1, 2] (row, column) is {word}; every cost must be a finite number.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreRowsThanColumnsIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => LinearSumAssignment.Solve(new double[3, 2]));
        Assert.StartsWith("The cost matrix has 3 rows and 2 columns; an assignment needs rows ≤ columns", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongBufferLengthIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => LinearSumAssignment.Solve(new double[5], 2, 3));
        Assert.StartsWith("The cost buffer has 5 entries but rows × columns = 2 × 3 = 6", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearSumAssignment.Solve(ReadOnlySpan<double>.Empty, -1, 0));
    }
}
