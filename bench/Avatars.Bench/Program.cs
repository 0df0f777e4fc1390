// End-to-end benchmark: CSV in → avatars CSV out, on the project's realistic patient generator
// (20 mixed columns, ~5 % missing in four of them), k = 20, ncp = 5.
//
//   dotnet run -c Release --project bench/Avatars.Bench -- --rows 1000000
//   bench/run-end-to-end.sh            (10 k, 100 k and 1 M rows, one process each, markdown table)
//
// Each size runs in its own process so the peak working set belongs to that size alone.
using System.Diagnostics;
using System.Globalization;
using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Bench;
using Avatars.Engine.Avatarization;

var rows = 100_000;
var k = 20;
var ncp = 5;
for (var i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--k": k = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--ncp": ncp = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
    }
}

var folder = Path.Combine(Path.GetTempPath(), "avatars-bench");
Directory.CreateDirectory(folder);
var input = Path.Combine(folder, $"patients-{rows}.csv");
var output = Path.Combine(folder, $"patients-{rows}.avatars.csv");
if (!File.Exists(input))
{
    await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(rows, seed: 2024), input, CancellationToken.None);
}

// Measure from a cold start of the pipeline: only the input file exists.
GC.Collect();
var total = Stopwatch.StartNew();
var clock = Stopwatch.StartNew();
var table = await TableReader.ReadAsync(input, new TableReadOptions(), CancellationToken.None);
var read = clock.Elapsed;
if (args.Contains("--synthesis-locality"))
{
    SynthesisLocality.Run(table, k);
}

if (args.Contains("--prepare-breakdown"))
{
    PrepareBreakdown.Run(table);
}

var result = Avatarizer.Avatarize(table, new AvatarizationOptions { K = k, Ncp = ncp, Seed = 7 });
clock.Restart();
await TableWriter.WriteCsvAsync(result.Avatars, output, CancellationToken.None);
var write = clock.Elapsed;
total.Stop();

if (args.Contains("--metrics-breakdown"))
{
    MetricsBreakdown.Run(table, result.SensitiveUnshuffled, ncp, result.Seed);
}

var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
var stages = result.StageTimings;
Console.WriteLine(
    $"| {rows:N0} × {table.ColumnCount} | {S(total.Elapsed)} | {peak:N0} | {S(read)} | {S(stages[AvatarizationStage.Prepare])} | {S(stages[AvatarizationStage.Fit])} | "
    + $"{S(stages[AvatarizationStage.Transform])} | {S(stages[AvatarizationStage.Neighbors])} | {S(stages[AvatarizationStage.Synthesis])} | {S(stages[AvatarizationStage.Finalize])} | {S(write)} |");
