using Avatars.Data;

namespace Avatars.Engine.Tests.TimeSeries;

/// <summary>Seeded long-format series tables for the time-series tests.</summary>
internal static class SyntheticSeries
{
    /// <summary>
    /// <paramref name="individuals"/> series with lengths in [minLength, maxLength], irregular increasing float times
    /// starting anywhere in [0, 100), and two variables: <c>a</c> = level + amplitude·sin(2πu) + noise, <c>b</c> = linear in t.
    /// Rows are shuffled so that alignment has to group and sort them. Columns: pk, id (int), t, a, b.
    /// </summary>
    public static Table Create(int individuals, int minLength, int maxLength, int seed)
    {
        var random = new Random(seed);
        var pk = new List<long>();
        var ids = new List<long>();
        var times = new List<double>();
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < individuals; i++)
        {
            var length = random.Next(minLength, maxLength + 1);
            var start = random.NextDouble() * 100;
            var level = random.NextDouble() * 4;
            var amplitude = 0.5 + random.NextDouble();
            var slope = random.NextDouble() - 0.5;
            var t = start;
            var first = start;
            var stamps = new double[length];
            for (var j = 0; j < length; j++)
            {
                stamps[j] = t;
                t += 0.5 + random.NextDouble();
            }

            var duration = stamps[^1] - first;
            for (var j = 0; j < length; j++)
            {
                var u = (stamps[j] - first) / duration;
                pk.Add(pk.Count + 1);
                ids.Add(1000 + i);
                times.Add(stamps[j]);
                a.Add(level + (amplitude * Math.Sin(2 * Math.PI * u)) + (0.05 * (random.NextDouble() - 0.5)));
                b.Add(1 + (slope * stamps[j]));
            }
        }

        var order = Enumerable.Range(0, pk.Count).OrderBy(_ => random.Next()).ToArray();
        var table = new Table(
            [
                new IntColumn("pk", pk.ToArray()),
                new IntColumn("id", ids.ToArray()),
                new FloatColumn("t", times.ToArray()),
                new FloatColumn("a", a.ToArray()),
                new FloatColumn("b", b.ToArray()),
            ],
            "series");
        return table.TakeRows(order);
    }

    /// <summary>Reads a Tutorial 4 sensors file from the shared data (skips the test when absent).</summary>
    public static async Task<Table> SensorsAsync(string file)
    {
        var path = Avatars.Testing.SharedData.PathOf("avatar-python/" + file);
        return (await TableReader.ReadCsvAsync(path, cancellationToken: TestContext.Current.CancellationToken)).WithName(Path.GetFileNameWithoutExtension(file));
    }
}
