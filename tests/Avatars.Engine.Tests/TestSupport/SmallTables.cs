using Avatars.Data;

namespace Avatars.Engine.Tests.TestSupport;

/// <summary>Small seeded tables for unit tests.</summary>
internal static class SmallTables
{
    /// <summary>A mixed table: two correlated numbers, an integer, a category and a boolean.</summary>
    public static Table Mixed(int rows, int seed = 7, string name = "mixed")
    {
        var random = new Random(seed);
        var x = new double[rows];
        var y = new double[rows];
        var count = new long[rows];
        var group = new int[rows];
        var flag = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = Math.Round(random.NextDouble() * 10, 2);
            y[i] = Math.Round(2 * x[i] + random.NextDouble(), 3);
            count[i] = random.Next(0, 8);
            group[i] = random.Next(0, 3);
            flag[i] = random.NextDouble() < 0.4;
        }

        return new Table(
        [
            new FloatColumn("x", x),
            new FloatColumn("y", y),
            new IntColumn("count", count),
            new CategoryColumn("group", group, ["a", "b", "c"]),
            new BoolColumn("flag", flag),
        ], name);
    }
}
