using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avatars.Client;
using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Engine.Reporting.Report;
using Avatars.Server.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Table = Avatars.Data.Table;

namespace Avatars.Cli.Commands;

/// <summary>
/// <c>avatars demo</c>: generate a synthetic patient table, then do what a user of the platform does — start a
/// server (embedded, on a loopback port), and with the SDK upload the table, set the parameters, run the standard,
/// metrics and report jobs with progress, and download the results.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the generated demo table.", DefaultValueFactory = _ => 2_000 };
        var k = new Option<int>("--k", "-k") { Description = "Number of neighbours.", DefaultValueFactory = _ => 20 };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("avatars-demo") };
        var command = new Command("demo", "Generate a realistic synthetic patient table (no real data), avatarize it on an embedded server through the SDK, print the metrics and write the results.")
        {
            rows, k, output,
        };

        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var n = parse.GetValue(rows);
            if (n < 3)
            {
                throw new CliUsageException($"--rows {n}: the demo needs at least 3 rows.");
            }

            var neighbours = parse.GetValue(k);
            if (neighbours < 1 || neighbours >= n)
            {
                throw new CliUsageException($"--k {neighbours}: k must be at least 1 and smaller than the number of rows ({n}).");
            }

            var folder = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(folder);
            var table = PatientTableGenerator.Generate(n, seed: 42);
            var originalPath = Path.Combine(folder, $"{table.Name}.csv");
            await TableWriter.WriteCsvAsync(table, originalPath, cancellationToken);
            console.MarkupLine($"Generated a demo table of {n:N0} synthetic patients × {table.ColumnCount} columns: {Markup.Escape(originalPath)}");
            return await RunOnEmbeddedServerAsync(console, table, neighbours, folder, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunOnEmbeddedServerAsync(IAnsiConsole console, Table table, int k, string folder, CancellationToken cancellationToken)
    {
        var serverDirectory = Path.Combine(Path.GetTempPath(), "avatars-demo-server-" + Guid.NewGuid().ToString("N"));
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        try
        {
            var options = new AvatarsServerOptions { Urls = "http://127.0.0.1:0", DataDirectory = serverDirectory, Bootstrap = { AdminUsername = "demo", AdminPassword = password } };
            await using var server = await AvatarsServer.StartAsync(options, logging => logging.SetMinimumLevel(LogLevel.Warning), cancellationToken);
            console.MarkupLine($"Started an embedded server on {Markup.Escape(server.BaseAddress.ToString())} (SQLite and local storage in a temporary folder).");

            // The server is local: poll often instead of the SDK's default 5 s (meant for shared servers).
            using var manager = new AvatarManager(new AvatarsClientOptions { BaseUrl = new Uri(server.BaseAddress, "api"), PollInterval = TimeSpan.FromMilliseconds(250) });
            await manager.AuthenticateAsync("demo", password, cancellationToken);
            // A fixed seed so that the demo's output is the same on every machine; real runs draw a fresh seed.
            var runner = manager.CreateRunner("demo_patients", seed: 1);
            await runner.AddTableAsync(table.Name, table, cancellationToken: cancellationToken);
            // The demo table has about 40 categorical modalities; the vendor recommends categorical reduction above 20.
            runner.SetParameters(table.Name, k: k, useCategoricalReduction: true);
            console.MarkupLine($"Uploaded [bold]{Markup.Escape(table.Name)}[/]; parameters k = {k}, categorical reduction (the table has more than 20 categorical modalities).");
            await runner.RunAsync(cancellationToken: cancellationToken);
            await WaitWithProgressAsync(console, runner, cancellationToken);

            var avatarsPath = Path.Combine(folder, $"{table.Name}.avatars.csv");
            await TableWriter.WriteCsvAsync(await runner.GetShuffledAsync(table.Name, cancellationToken), avatarsPath, cancellationToken);
            var privacy = (await runner.GetPrivacyMetricsAsync(table.Name, cancellationToken))[0];
            var signal = (await runner.GetSignalMetricsAsync(table.Name, cancellationToken))[0];
            var privacyPath = await WriteJsonAsync(folder, $"{table.Name}.privacy.json", privacy, cancellationToken);
            await WriteJsonAsync(folder, $"{table.Name}.signal.json", signal, cancellationToken);
            var reportPath = Path.Combine(folder, "report.pdf");
            await runner.DownloadReportAsync(reportPath, cancellationToken);

            MetricsPrinter.Print(console, [.. Metrics(privacy), .. Metrics(signal)], "Privacy and signal metrics");
            console.MarkupLine($"Avatars (shuffled, safe to share): [green]{Markup.Escape(avatarsPath)}[/]");
            console.MarkupLine($"Metrics: {Markup.Escape(privacyPath)} and {table.Name}.signal.json");
            console.MarkupLine($"Report: [green]{Markup.Escape(reportPath)}[/]");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(serverDirectory, recursive: true);
            }
            catch (IOException)
            {
                // The embedded server's temporary folder; the results were written to the output folder.
            }
        }
    }

    private static async Task WaitWithProgressAsync(IAnsiConsole console, Runner runner, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            await runner.WaitAsync(progress: new ConsoleJobProgress(new SpectreWriter(console)), cancellationToken: cancellationToken);
            return;
        }

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = runner.Jobs.Keys.ToDictionary(kind => kind, kind => context.AddTask($"{kind.ToWireValue()} job", autoStart: false, maxValue: 1));
                var progress = new Progress<JobProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Kind, out var task))
                    {
                        return;
                    }

                    if (p.Status != JobStatus.Pending && !task.IsStarted)
                    {
                        task.StartTask();
                    }

                    task.Value = Math.Max(task.Value, p.Progress ?? 0);
                    if (p.Status == JobStatus.Finished)
                    {
                        task.Value = 1;
                        task.StopTask();
                    }
                });
                await runner.WaitAsync(progress: progress, cancellationToken: cancellationToken);
                foreach (var task in tasks.Values.Where(t => !t.IsFinished))
                {
                    task.Value = 1;
                    task.StopTask();
                }
            });
    }

    private static IEnumerable<ReportMetric> Metrics(JsonObject metrics) =>
        metrics.Where(m => m.Value is JsonValue value && value.TryGetValue<double>(out _) && ReportMetricCatalog.TryGet(m.Key, out _))
            .Select(m => ReportMetricCatalog.Create(m.Key, m.Value!.GetValue<double>()));

    private static async Task<string> WriteJsonAsync(string folder, string name, JsonObject content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, content.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        return path;
    }

    /// <summary>Lets the SDK's console progress print through the CLI's console.</summary>
    private sealed class SpectreWriter(IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void WriteLine(string? value) => console.WriteLine(value ?? string.Empty);

        public override void Write(char value) => console.Write(value.ToString());
    }
}
