// Benchmark of the multi-table pipeline (docs/benchmarks.md, "Multi-table"): the demo's generated hospital tables
// (patients, doctors = patients / 10, visits ≈ 3 per patient), k = 20 on every table, both links with linear sum
// assignment, one run per size after a small warm-up. Prints the time of each step (from the pipeline's progress)
// and whether the exact assignment fell back to the greedy one.
using System.Diagnostics;
using System.Globalization;
using Avatars.Data.Generation;
using Avatars.Engine.Avatarization;
using Avatars.Engine.MultiTable.Assignment;
using Avatars.Engine.MultiTable.Pipeline;

// Arguments: patient counts, optionally "--max-exact N" (the exact assignment's row limit; default: the engine's).
var maxExactAt = Array.IndexOf(args, "--max-exact");
int? maxExact = maxExactAt >= 0 ? int.Parse(args[maxExactAt + 1], CultureInfo.InvariantCulture) : null;
var sizeArgs = args.Where((_, i) => maxExactAt < 0 || (i != maxExactAt && i != maxExactAt + 1)).ToArray();
var sizes = sizeArgs.Length > 0 ? sizeArgs.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 2_500, 5_000];
Run(500, maxExact, print: false);
Console.WriteLine("patients | doctors | visits | total s | avatarization s | linking s | links");
foreach (var patients in sizes)
{
    Run(patients, maxExact, print: true);
}

static void Run(int patients, int? maxExact, bool print)
{
    var tables = HospitalTablesGenerator.Generate(patients, seed: 42);
    StandardTableAvatarization K() => new(new AvatarizationOptions { K = 20 });
    List<MultiTableSource> sources =
    [
        new(tables.Patients, "patients", HospitalTables.PatientKey, [], K()),
        new(tables.Doctors, "doctors", HospitalTables.DoctorKey, [], K()),
        new(tables.Visits, "visits", HospitalTables.VisitKey, [HospitalTables.VisitPatientKey, HospitalTables.VisitDoctorKey], K()),
    ];
    List<MultiTableLink> links =
    [
        new("patients", HospitalTables.PatientKey, "visits", HospitalTables.VisitPatientKey),
        new("doctors", HospitalTables.DoctorKey, "visits", HospitalTables.VisitDoctorKey),
    ];

    var clock = Stopwatch.StartNew();
    var linkingStart = TimeSpan.Zero;
    var linkTimes = new List<(string Step, TimeSpan At)>();
    var progress = new SynchronousProgress(p =>
    {
        linkTimes.Add((p.Step, clock.Elapsed));
        if (p.Step.StartsWith("linking", StringComparison.Ordinal))
        {
            linkingStart = clock.Elapsed;
        }
    });
    var result = MultiTableAvatarizer.Avatarize(sources, links, new MultiTableOptions { Seed = 1, Assignment = maxExact is { } limit ? new AssignmentOptions { MaxExactRows = limit } : null }, progress);
    var total = clock.Elapsed;
    if (print && Environment.GetEnvironmentVariable("BENCH_STEPS") == "1")
    {
        Console.WriteLine(string.Join(" | ", linkTimes.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Step} @ {t.At.TotalSeconds:F2}"))));
    }

    if (print)
    {
        var linkSummary = string.Join("; ", result.Links.Select(l => $"{l.Link.ParentTable}: {l.Method}{(l.FellBack ? " (fell back)" : string.Empty)}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{patients} | {tables.Doctors.RowCount} | {tables.Visits.RowCount} | {total.TotalSeconds:F2} | {linkingStart.TotalSeconds:F2} | {(total - linkingStart).TotalSeconds:F2} | {linkSummary}"));
    }
}

/// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and lose the timing).</summary>
internal sealed class SynchronousProgress(Action<MultiTableProgress> report) : IProgress<MultiTableProgress>
{
    public void Report(MultiTableProgress value) => report(value);
}
