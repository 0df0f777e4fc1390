// Times the signal metrics (Hellinger per variable + correlation difference) on 1 M rows:
//  - the patient generator (20 mixed columns, ~5 % missing in four of them), originals vs another seed;
//  - 20 float columns (every pair correlated, 5 % missing in half of them);
//  - a wide table: rows / 10 × 200 float columns (19 900 pairs).
// Usage: dotnet run -c Release --project bench/Avatars.Bench.Signal [-- --rows 1000000]
using System.Diagnostics;
using System.Globalization;
using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Engine.Metrics.Signal;

var rows = 1_000_000;
for (var a = 0; a < args.Length - 1; a++)
{
    if (args[a] == "--rows")
    {
        rows = int.Parse(args[a + 1], CultureInfo.InvariantCulture);
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")}; best of 3"));
Console.WriteLine();
Console.WriteLine("| data | rows × columns | continuous | pairs | signal metrics (s) | CPU time, all threads (s) | hellinger_mean | correlation_difference_ratio |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");

// Warm-up (JIT, tiering).
var warm = Floats(20_000, 20, 1);
for (var i = 0; i < 3; i++)
{
    SignalEvaluator.Evaluate(warm, Floats(20_000, 20, 2));
}

Run("patients", PatientTableGenerator.Generate(rows, seed: 1), PatientTableGenerator.Generate(rows, seed: 2));
Run("floats", Floats(rows, 20, 1), Floats(rows, 20, 2));
Run("wide floats", Floats(rows / 10, 200, 1), Floats(rows / 10, 200, 2));

void Run(string label, Table original, Table avatars)
{
    double best = double.MaxValue, bestCpu = double.MaxValue;
    SignalMetrics metrics = null!;
    for (var rep = 0; rep < 3; rep++)
    {
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        metrics = SignalEvaluator.Evaluate(original, avatars);
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
        bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {label} | {original.RowCount:N0} × {original.ColumnCount} | {metrics.CorrelationDifference.Columns.Count} | {metrics.CorrelationDifference.Pairs.Count} | {best:0.000} | {bestCpu:0.000} | {metrics.HellingerMean:0.0000} | {metrics.CorrelationDifferenceRatio:0.00} |"));
}

static Table Floats(int n, int p, int seed)
{
    var random = new Random(seed);
    var columns = new Column[p];
    var common = new double[n];
    for (var i = 0; i < n; i++)
    {
        common[i] = random.NextDouble();
    }

    for (var c = 0; c < p; c++)
    {
        var values = new double[n];
        var withMissing = c % 2 == 1;
        for (var i = 0; i < n; i++)
        {
            values[i] = withMissing && random.NextDouble() < 0.05 ? double.NaN : (common[i] * (c + 1)) + random.NextDouble();
        }

        columns[c] = new FloatColumn($"f{c}", values);
    }

    return new Table(columns, "floats");
}
