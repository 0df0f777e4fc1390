using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Avatars.Bench.Server;
using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Reporting.Plots;
using Avatars.Server.Hosting;
using Microsoft.Extensions.Logging;

// Server benchmarks (docs/benchmarks.md, "Server"):
//   load      20 standard jobs submitted at once by 4 users; p50/p95/p99 of GET /api/jobs/{name} while they run
//   overhead  upload + standard job + download of a table vs the engine alone (read, avatarize, write) on the same table
// Usage: dotnet run -c Release --project bench/Avatars.Bench.Server -- [load|overhead|all] [--rows N] [--load-rows N]
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var rows = IntArg("--rows", 100_000);
var loadRows = IntArg("--load-rows", 5_000);
var concurrency = IntArg("--concurrency", 1);
var work = Path.Combine(Path.GetTempPath(), "avatars-bench-server-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · {RuntimeInfo()}");
try
{
    if (mode is "load" or "all")
    {
        await LoadAsync();
    }

    if (mode is "overhead" or "all")
    {
        await OverheadAsync();
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

async Task LoadAsync()
{
    const string password = "bench-password-123";
    var csv = Path.Combine(work, "load.csv");
    await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(loadRows, 11, "patients"), csv);
    await using var server = await StartAsync("load");
    using var admin = await BenchClient.LoginAsync(server.BaseAddress, "admin", password);
    var users = new List<BenchClient>();
    var sets = new List<string>();
    for (var u = 0; u < 4; u++)
    {
        await admin.CreateUserAsync($"user{u}", password);
        var client = await BenchClient.LoginAsync(server.BaseAddress, $"user{u}", password);
        await client.UploadAsync("patients.csv", csv);
        sets.Add(await client.PutResourcesAsync("load", Yaml("patients.csv", 20)));
        users.Add(client);
    }

    var clock = Stopwatch.StartNew();
    var submissions = users.SelectMany((client, u) => Enumerable.Range(0, 5).Select(j => (client, u, j))).ToList();
    var jobs = await Task.WhenAll(submissions.Select(async s => (s.client, Name: await s.client.CreateJobAsync(sets[s.u], "standard", $"load-{s.u}-{s.j}"))));
    Console.WriteLine($"load: {jobs.Length} jobs submitted by {users.Count} users in {clock.ElapsedMilliseconds} ms ({loadRows:N0} rows each, k 20, {concurrency} worker(s))");

    var latencies = new List<double>();
    var finished = new Dictionary<string, string>();
    var pollers = users.Select(async client =>
    {
        var mine = jobs.Where(j => j.client == client).Select(j => j.Name).ToList();
        while (true)
        {
            var open = mine.Where(n => { lock (finished) { return !finished.ContainsKey(n); } }).ToList();
            if (open.Count == 0)
            {
                return;
            }

            foreach (var name in open)
            {
                var t = Stopwatch.GetTimestamp();
                var job = await client.GetJobAsync(name);
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                }

                if (job.GetProperty("done").GetBoolean())
                {
                    lock (finished)
                    {
                        finished[name] = job.GetProperty("status").GetString()!;
                    }
                }
            }

            await Task.Delay(50);
        }
    });
    await Task.WhenAll(pollers);
    latencies.Sort();
    double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
    Console.WriteLine($"load: all done in {clock.Elapsed.TotalSeconds:0.0} s; statuses: {string.Join(", ", finished.Values.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}"))}");
    Console.WriteLine($"load: GET /api/jobs/{{name}} × {latencies.Count}: p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {latencies[^1]:0.0} ms");
    foreach (var u in users)
    {
        u.Dispose();
    }
}

async Task OverheadAsync()
{
    const string password = "bench-password-123";
    var csv = Path.Combine(work, "overhead.csv");
    await TableWriter.WriteCsvAsync(PatientTableGenerator.Generate(rows, 12, "patients"), csv);

    // Engine alone: the standard job's computation in-process on local files (read, avatarize with projections,
    // figures, write the avatars, projections and figures), without HTTP, database, storage or scheduling.
    async Task<double> EngineOnceAsync()
    {
        var t = Stopwatch.StartNew();
        var table = await TableReader.ReadAsync(csv);
        var result = await Avatarizer.AvatarizeAsync(table, new AvatarizationOptions { K = 20, Seed = 1, IncludeProjections = true }, null);
        var figures = FigureSet.BuildAll(table, result.Avatars.WithName(table.Name), options: PlotOptions.Default with { Seed = result.Seed });
        await TableWriter.WriteCsvAsync(result.Avatars, Path.Combine(work, "engine.shuffled.csv"));
        await TableWriter.WriteCsvAsync(result.SensitiveUnshuffled, Path.Combine(work, "engine.unshuffled.csv"));
        await WriteProjectionsAsync(result.OriginalProjections!, Path.Combine(work, "engine.projections.original.csv"));
        await WriteProjectionsAsync(result.AvatarProjections!, Path.Combine(work, "engine.projections.avatars.csv"));
        foreach (var figure in figures)
        {
            await File.WriteAllTextAsync(Path.Combine(work, "engine." + figure.FileName), figure.Html);
        }

        return t.Elapsed.TotalSeconds;
    }

    var engine = new List<double>();
    await using var server = await StartAsync("overhead");
    using var client = await BenchClient.LoginAsync(server.BaseAddress, "admin", password);
    var api = new List<double>();
    var jobTimes = new List<double>();
    var parts = new List<string>();
    // Interleaved runs (engine, then API) so both see the same JIT and memory state; the first pair warms up.
    const int runs = 11;
    for (var i = 0; i < runs; i++)
    {
        var engineTime = await EngineOnceAsync();
        var t = Stopwatch.StartNew();
        await client.UploadAsync("patients.csv", csv);
        var uploaded = t.Elapsed.TotalSeconds;
        var set = await client.PutResourcesAsync("overhead", Yaml("patients.csv", 20));
        var name = await client.CreateJobAsync(set, "standard", $"overhead-{i}");
        var created = t.Elapsed.TotalSeconds;
        JsonElement job;
        while (!(job = await client.GetJobAsync(name)).GetProperty("done").GetBoolean())
        {
            await Task.Delay(50);
        }

        if (job.GetProperty("status").GetString() != "finished")
        {
            throw new InvalidOperationException("job failed: " + job.GetProperty("exception").GetString());
        }

        var done = t.Elapsed.TotalSeconds;
        var results = await client.GetResultsAsync(name);
        await BenchClient.DownloadAsync(results["shuffled"][0], Path.Combine(work, "api.avatars.csv"));
        if (i == 0)
        {
            continue;
        }

        engine.Add(engineTime);
        api.Add(t.Elapsed.TotalSeconds);
        var run = (job.GetProperty("finished_at").GetDateTime() - job.GetProperty("started_at").GetDateTime()).TotalSeconds;
        var queued = (job.GetProperty("started_at").GetDateTime() - job.GetProperty("created_at").GetDateTime()).TotalSeconds;
        jobTimes.Add(run);
        parts.Add($"upload {uploaded:0.00}, set+job {created - uploaded:0.00}, queued {queued:0.00}, run {run:0.00}, poll+results+download {t.Elapsed.TotalSeconds - done + (done - created - run - queued):0.00}");
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
    var e = Median(engine);
    var a = Median(api);
    Console.WriteLine($"overhead: {rows:N0} rows × 20 columns, k 20; engine alone (the standard job's work on local files), median of {engine.Count}: {e:0.00} s [{string.Join(", ", engine.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}]");
    Console.WriteLine($"overhead: API (upload + standard job + download), median of {api.Count}: {a:0.00} s [{string.Join(", ", api.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}]; job run time (median) {Median(jobTimes):0.00} s");
    Console.WriteLine("overhead: API parts (s): " + string.Join(" | ", parts));
    Console.WriteLine($"overhead: fastest runs: engine {engine.Min():0.00} s, API {api.Min():0.00} s ({(api.Min() - engine.Min()) / engine.Min() * 100:0.0} %)");
    Console.WriteLine($"overhead: API − engine = {a - e:0.00} s = {(a - e) / e * 100:0.0} % of the engine time");
}

async Task<AvatarsServer> StartAsync(string name) =>
    await AvatarsServer.StartAsync(
        new AvatarsServerOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = Path.Combine(work, name),
            Bootstrap = { AdminPassword = "bench-password-123" },
            Workers = { Concurrency = concurrency },
            Limits = { MaxActiveJobsPerUser = 10 },
            RateLimit = { RequestsPerMinute = 100_000 },
        },
        logging => logging.SetMinimumLevel(LogLevel.Warning));

static async Task WriteProjectionsAsync(Avatars.Engine.Projection.Coordinates coordinates, string path)
{
    await using var writer = new StreamWriter(path);
    for (var r = 0; r < coordinates.Rows; r++)
    {
        for (var c = 0; c < coordinates.Columns; c++)
        {
            await writer.WriteAsync(c == 0 ? string.Empty : ",");
            await writer.WriteAsync(coordinates[r, c].ToString("R", CultureInfo.InvariantCulture));
        }

        await writer.WriteLineAsync();
    }
}

static string Yaml(string file, int k) => $"""
    kind: AvatarSchema
    metadata:
      name: schema
    spec:
      tables:
      - name: patients
        data:
          file: {file}
    ---
    kind: AvatarParameters
    metadata:
      name: standard
    spec:
      schema: schema
      avatarization:
        patients:
          k: {k}
    """;

int IntArg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + ", " + System.Runtime.InteropServices.RuntimeInformation.OSDescription;
