using Avatars.Engine.MultiTable.Assignment;

namespace Avatars.Engine.Tests.MultiTable.Assignment;

/// <summary>The point-based greedy gives exactly the matrix greedy's assignment, without the matrix.</summary>
public sealed class NearestAvailableAssignmentTests
{
    [Theory]
    [InlineData(1, 50, 20, 2, false)]
    [InlineData(2, 200, 60, 3, false)]
    [InlineData(3, 300, 300, 2, false)]   // unit capacities: the tree is rebuilt many times
    [InlineData(4, 120, 30, 2, true)]     // integer grid points: many exact ties
    [InlineData(5, 500, 40, 5, true)]
    public void Equals_the_matrix_greedy(int seed, int rows, int columns, int dimension, bool integers)
    {
        var random = new Random(seed);
        double Next() => integers ? random.Next(0, 5) : random.NextDouble();
        var rowPoints = Enumerable.Range(0, rows * dimension).Select(_ => Next()).ToArray();
        var columnPoints = Enumerable.Range(0, columns * dimension).Select(_ => Next()).ToArray();
        var capacities = Capacities(random, rows, columns);

        var cost = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            for (var c = 0; c < columns; c++)
            {
                double sum = 0;
                for (var d = 0; d < dimension; d++)
                {
                    var diff = rowPoints[(i * dimension) + d] - columnPoints[(c * dimension) + d];
                    sum += diff * diff;
                }

                cost[(i * columns) + c] = Math.Sqrt(sum);
            }
        }

        var expected = GreedyAssignment.Solve(cost, rows, capacities);
        var actual = NearestAvailableAssignment.Solve(rowPoints, columnPoints, rows, dimension, capacities);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_column_takes_at_most_its_capacity()
    {
        var random = new Random(9);
        var capacities = Capacities(random, 1_000, 100);
        var result = NearestAvailableAssignment.Solve(
            Enumerable.Range(0, 2_000).Select(_ => random.NextDouble()).ToArray(),
            Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray(),
            1_000,
            2,
            capacities);
        var used = result.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(used, u => Assert.True(u.Value <= capacities[u.Key]));
    }

    [Fact]
    public void Errors_name_the_problem()
    {
        Assert.Contains("add up to 1 but there are 2 rows", Assert.Throws<ArgumentException>(() => NearestAvailableAssignment.Solve([0, 1], [0], 2, 1, [1])).Message);
        Assert.Contains("capacity of column 0 is -1", Assert.Throws<ArgumentException>(() => NearestAvailableAssignment.Solve([0], [0, 1], 1, 1, [-1, 2])).Message);
        Assert.Contains("rows × dimension = 2 × 1", Assert.Throws<ArgumentException>(() => NearestAvailableAssignment.Solve([0], [0], 2, 1, [2])).Message);
        Assert.Empty(NearestAvailableAssignment.Solve([], [0], 0, 1, [0]));
    }

    /// <summary>Capacities adding up to exactly <paramref name="rows"/>, some columns with none.</summary>
    private static int[] Capacities(Random random, int rows, int columns)
    {
        var capacities = new int[columns];
        for (var i = 0; i < rows; i++)
        {
            capacities[random.Next(columns)]++;
        }

        return capacities;
    }
}
