using System.Globalization;
using Avatars.Data;
using Avatars.Testing;

namespace Avatars.Engine.Tests.Projection;

/// <summary>Test tables: a minimal CSV reader for the shared saiph fixtures, small builders and random tables.</summary>
internal static class ProjectionTestData
{
    /// <summary>
    /// Reads a small CSV from the shared data: split on commas, strip double quotes, invariant culture. A column
    /// whose cells are all unquoted numbers becomes a float column, any other a category column.
    /// </summary>
    public static Table ReadCsv(string relativePath)
    {
        var lines = File.ReadAllLines(SharedData.PathOf(relativePath)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(Unquote).ToArray();
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new List<Column>();
        for (var c = 0; c < header.Length; c++)
        {
            var raw = cells.Select(row => row[c]).ToArray();
            var numeric = raw.All(v => !v.StartsWith('"') && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            columns.Add(numeric
                ? new FloatColumn(header[c], raw.Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
                : CategoryColumn.FromValues(header[c], raw.Select(Unquote).ToArray()));
        }

        return new Table(columns, Path.GetFileNameWithoutExtension(relativePath));
    }

    /// <summary>Reads a numeric CSV fixture (header line, then rows of numbers) as rows × columns.</summary>
    public static double[][] ReadMatrix(string relativePath) =>
        File.ReadAllLines(SharedData.PathOf(relativePath))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();

    public static FloatColumn Floats(string name, params double[] values) => new(name, values);

    public static IntColumn Ints(string name, params long[] values) => new(name, values);

    public static CategoryColumn Categories(string name, params string[] values) => CategoryColumn.FromValues(name, values);

    public static Table TableOf(params Column[] columns) => new(columns, "test");

    /// <summary>
    /// A random table with <paramref name="continuous"/> float columns (different scales and offsets), one int
    /// column when <paramref name="withInt"/>, and <paramref name="categorical"/> category columns of 2–5 unequally
    /// frequent levels (a bool column replaces the first when <paramref name="withBool"/>).
    /// </summary>
    public static Table RandomTable(int seed, int rows, int continuous, int categorical, bool withInt = false, bool withBool = false)
    {
        var random = new Random(seed);
        var columns = new List<Column>();
        for (var j = 0; j < continuous; j++)
        {
            var scale = Math.Pow(10, random.Next(-1, 3));
            var offset = random.Next(-50, 50);
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = offset + (scale * Gaussian(random));
            }

            columns.Add(new FloatColumn($"x{j}", values));
        }

        if (withInt)
        {
            columns.Add(new IntColumn("count", Enumerable.Range(0, rows).Select(_ => (long)random.Next(0, 40)).ToArray()));
        }

        for (var u = 0; u < categorical; u++)
        {
            if (u == 0 && withBool)
            {
                columns.Add(new BoolColumn("flag", Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.3).ToArray()));
                continue;
            }

            var levels = random.Next(2, 6);
            var weights = Enumerable.Range(0, levels).Select(_ => 0.2 + random.NextDouble()).ToArray();
            var total = weights.Sum();
            var values = new string[rows];
            for (var i = 0; i < rows; i++)
            {
                var x = random.NextDouble() * total;
                var level = 0;
                while (level < levels - 1 && x > weights[level])
                {
                    x -= weights[level++];
                }

                values[i] = $"L{level}";
            }

            // Make sure every level occurs, so the layout is predictable.
            for (var level = 0; level < levels && level < rows; level++)
            {
                values[level] = $"L{level}";
            }

            columns.Add(CategoryColumn.FromValues($"c{u}", values));
        }

        return new Table(columns, $"random{seed}");
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Unquote(string value) => value.Trim().Trim('"');
}
