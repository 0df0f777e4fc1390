using Avatars.Data;

namespace Avatars.Engine.Tests.MultiTable.Relinking;

/// <summary>Seeded parent/child tables sharing the parent variables <c>x</c>, <c>y</c> (float) and <c>grp</c> (category).</summary>
internal static class RelinkTestData
{
    public static readonly string[] Shared = ["x", "y", "grp"];

    /// <summary>Rows drawn around the given centres (cluster <c>c</c> gets <c>sizes[c]</c> rows, spread <paramref name="spread"/>).</summary>
    public static Table Clustered(string name, (double X, double Y)[] centres, int[] sizes, double spread, int seed, bool withChildVariable = false)
    {
        var rng = new Random(seed);
        var x = new List<double>();
        var y = new List<double>();
        var grp = new List<string?>();
        var extra = new List<double>();
        for (int c = 0; c < centres.Length; c++)
        {
            for (int r = 0; r < sizes[c]; r++)
            {
                x.Add(centres[c].X + (spread * Gaussian(rng)));
                y.Add(centres[c].Y + (spread * Gaussian(rng)));
                grp.Add(rng.NextDouble() < 0.5 ? "a" : "b");
                extra.Add(rng.NextDouble());
            }
        }

        var columns = new List<Column>
        {
            new FloatColumn("x", [.. x]),
            new FloatColumn("y", [.. y]),
            CategoryColumn.FromValues("grp", grp),
        };
        if (withChildVariable)
        {
            columns.Add(new FloatColumn("amount", [.. extra]));
        }

        return new Table(columns, name);
    }

    /// <summary>Uniform random rows (one cluster of spread 1 at the origin).</summary>
    public static Table Random(string name, int rows, int seed, bool withChildVariable = false) =>
        Clustered(name, [(0, 0)], [rows], 1.0, seed, withChildVariable);

    /// <summary>Random counts ≥ 0 for <paramref name="parents"/> parents adding up to <paramref name="total"/>.</summary>
    public static int[] Counts(int parents, int total, int seed)
    {
        var rng = new Random(seed);
        var counts = new int[parents];
        for (int i = 0; i < total; i++)
        {
            counts[rng.Next(parents)]++;
        }

        return counts;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
