using System.Diagnostics;

namespace Avatars.Data.Tests.IO;

/// <summary>
/// Measures reading and writing a generated 1,000,000 × 20 mixed table. Explicit: it only runs when
/// asked for (<c>dotnet test tests/Avatars.Data.Tests -c Release -- xUnit.Explicit=only</c>, add
/// <c>--logger "console;verbosity=detailed"</c> to see the figures). Nothing is asserted about time.
/// </summary>
public class CsvBenchmark
{
    [Fact(Explicit = true)]
    public async Task Read_and_write_one_million_rows_by_twenty_columns()
    {
        const int rows = 1_000_000;
        var table = Generate(rows);
        using var dir = new Io.TempDir();
        var csv = dir.File("big.csv");
        var parquet = dir.File("big.parquet");
        var output = TestContext.Current.TestOutputHelper!;

        for (var round = 1; round <= 2; round++)
        {
            await Measure($"round {round}: write CSV", () => TableWriter.WriteCsvAsync(table, csv, Io.Ct));
            Table? back = null;
            await Measure($"round {round}: read CSV (async)", async () => back = await TableReader.ReadCsvAsync(csv, null, Io.Ct));
            Io.Equal(table.WithName("big"), back!);
            await Measure($"round {round}: read CSV (sync)", () => Task.FromResult(back = TableReader.ReadCsv(csv)));
            await Measure($"round {round}: write Parquet", () => TableWriter.WriteParquetAsync(table, parquet, Io.Ct));
            await Measure($"round {round}: read Parquet", async () => back = await TableReader.ReadParquetAsync(parquet, null, Io.Ct));
        }

        output.WriteLine($"CSV {new FileInfo(csv).Length / 1e6:F0} MB, Parquet {new FileInfo(parquet).Length / 1e6:F0} MB");

        async Task Measure(string what, Func<Task> action)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await action();
            process.Refresh();
            output.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:F2} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s CPU");
        }
    }

    /// <summary>9 float (one with 10% missing), 5 int, 2 bool, 3 category (300 levels), 1 datetime.</summary>
    internal static Table Generate(int rows)
    {
        var random = new Random(42);
        var columns = new List<Column>();
        for (var c = 0; c < 8; c++)
        {
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = Math.Round((random.NextDouble() * 1000) - 500, 3);
            }

            columns.Add(new FloatColumn($"f{c}", values));
        }

        var sparse = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            sparse[i] = i % 10 == 0 ? double.NaN : random.NextDouble();
        }

        columns.Add(new FloatColumn("f_missing", sparse));
        for (var c = 0; c < 5; c++)
        {
            var values = new long[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = random.Next(-100_000, 100_000);
            }

            columns.Add(new IntColumn($"i{c}", values));
        }

        for (var c = 0; c < 2; c++)
        {
            var values = new bool[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = random.Next(2) == 1;
            }

            columns.Add(new BoolColumn($"b{c}", values));
        }

        var levels = Enumerable.Range(0, 300).Select(i => $"level_{i}").ToArray();
        for (var c = 0; c < 3; c++)
        {
            var codes = new int[rows];
            for (var i = 0; i < rows; i++)
            {
                codes[i] = random.Next(levels.Length);
            }

            columns.Add(new CategoryColumn($"c{c}", codes, (string[])levels.Clone()));
        }

        var ticks = new long[rows];
        var start = new DateTime(2000, 1, 1).Ticks;
        for (var i = 0; i < rows; i++)
        {
            ticks[i] = start + (random.NextInt64(0, 20L * 365 * 86_400) * TimeSpan.TicksPerSecond);
        }

        columns.Add(new DateTimeColumn("when", ticks));
        return new Table(columns, "big");
    }
}
