namespace Avatars.Data.Tests.IO;

/// <summary>Tables with every column type and missing values, for round trips.</summary>
internal static class SampleTables
{
    public static Table AllTypes(int rows = 12, string name = "sample")
    {
        var random = new Random(20240607);
        var floats = new double[rows];
        var ints = new long[rows];
        var intMissing = new bool[rows];
        var bools = new bool[rows];
        var boolMissing = new bool[rows];
        var codes = new int[rows];
        var stamps = new long[rows];
        var stampMissing = new bool[rows];
        var dates = new long[rows];
        var zoned = new long[rows];
        var zonedMissing = new bool[rows];
        double[] specials = [1.0, -0.0, 0.1 + 0.2, 1e20, 1e-300, double.MaxValue, double.Epsilon, -2.5, 123456789.125, double.PositiveInfinity];
        long[] edgeInts = [long.MinValue, long.MaxValue, 0, -1, 42];
        var start = new DateTime(1999, 12, 31, 23, 59, 58).Ticks;
        for (var r = 0; r < rows; r++)
        {
            floats[r] = r % 5 == 3 ? double.NaN : r < specials.Length ? specials[r] : (random.NextDouble() - 0.5) * 1e6;
            ints[r] = r < edgeInts.Length ? edgeInts[r] : random.NextInt64(-1_000_000, 1_000_000);
            intMissing[r] = r % 4 == 2;
            bools[r] = random.Next(2) == 1;
            boolMissing[r] = r % 6 == 5;
            codes[r] = r % 7 == 6 ? CategoryColumn.MissingCode : r % Levels.Length;
            stamps[r] = start + (r * 1_234_567_891L); // sub-second ticks
            stampMissing[r] = r % 5 == 1;
            dates[r] = new DateTime(2020, 1, 1).AddDays(r * 37).Ticks;
            zoned[r] = new DateTime(2021, 3, 28, 0, 30, 0).Ticks + (r * TimeSpan.TicksPerHour);
            zonedMissing[r] = r % 3 == 0;
        }

        return new Table(
        [
            new FloatColumn("float", floats),
            new IntColumn("int", ints, intMissing),
            new BoolColumn("bool", bools, boolMissing),
            new CategoryColumn("category", codes, (string[])Levels.Clone()),
            new DateTimeColumn("datetime", stamps, stampMissing),
            new DateTimeColumn("date", dates),
            new DateTimeColumn("datetime_tz", zoned, zonedMissing, TimeSpan.FromHours(2)),
        ],
            name);
    }

    /// <summary>Levels that need quoting or look like other types, but none is a number, a missing marker or empty.</summary>
    public static readonly string[] Levels =
    [
        "plain", "with,comma", "with;semicolon", "with \"quotes\"", "two\nlines", " padded ", "ünïcødé 🚀", "true-ish", "crlf\r\ninside",
    ];
}
