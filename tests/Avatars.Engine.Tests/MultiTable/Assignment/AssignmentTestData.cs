namespace Avatars.Engine.Tests.MultiTable.Assignment;

/// <summary>Seeded random cost matrices and a brute-force optimum for the assignment tests.</summary>
internal static class AssignmentTestData
{
    /// <summary>A row-major rows × columns matrix: uniform in [0, 1) or, with <paramref name="levels"/> &gt; 0, integers in [0, levels) (many ties).</summary>
    public static double[] Random(int rows, int columns, int seed, int levels = 0)
    {
        var rng = new Random(seed);
        var cost = new double[rows * columns];
        for (int k = 0; k < cost.Length; k++)
        {
            cost[k] = levels > 0 ? rng.Next(levels) : rng.NextDouble();
        }

        return cost;
    }

    /// <summary>The minimum total cost over every injective row → column map (all permutations).</summary>
    public static double BruteForceOptimum(double[] cost, int rows, int columns)
    {
        var used = new bool[columns];
        double best = double.PositiveInfinity;
        Recurse(0, 0.0);
        return best;

        void Recurse(int row, double sum)
        {
            if (row == rows)
            {
                best = Math.Min(best, sum);
                return;
            }

            for (int j = 0; j < columns; j++)
            {
                if (!used[j])
                {
                    used[j] = true;
                    Recurse(row + 1, sum + cost[(row * columns) + j]);
                    used[j] = false;
                }
            }
        }
    }

    /// <summary>The total cost of an assignment.</summary>
    public static double Total(double[] cost, int columns, IReadOnlyList<int> assigned)
    {
        double total = 0;
        for (int i = 0; i < assigned.Count; i++)
        {
            total += cost[(i * columns) + assigned[i]];
        }

        return total;
    }

    /// <summary>Asserts every row has a column in range and no column takes more than its capacity.</summary>
    public static void AssertFeasible(IReadOnlyList<int> assigned, int rows, IReadOnlyList<int> capacities)
    {
        Assert.Equal(rows, assigned.Count);
        var used = new int[capacities.Count];
        foreach (int j in assigned)
        {
            Assert.InRange(j, 0, capacities.Count - 1);
            used[j]++;
        }

        for (int j = 0; j < used.Length; j++)
        {
            Assert.True(used[j] <= capacities[j], $"column {j} used {used[j]} times, capacity {capacities[j]}");
        }
    }

    /// <summary>Capacity 1 for each of <paramref name="columns"/> columns.</summary>
    public static int[] Ones(int columns) => Enumerable.Repeat(1, columns).ToArray();
}
