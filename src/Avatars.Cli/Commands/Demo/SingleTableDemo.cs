using System.Text.Json.Nodes;
using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Engine.Reporting.Report;
using Spectre.Console;

namespace Avatars.Cli.Commands.Demo;

/// <summary>The single-table demo: one synthetic patient table avatarized, evaluated and reported through the SDK.</summary>
internal static class SingleTableDemo
{
    public static async Task<int> RunAsync(IAnsiConsole console, int rows, int k, string folder, CancellationToken cancellationToken)
    {
        var table = PatientTableGenerator.Generate(rows, seed: 42);
        var originalPath = Path.Combine(folder, $"{table.Name}.csv");
        await TableWriter.WriteCsvAsync(table, originalPath, cancellationToken);
        console.MarkupLine($"Generated a demo table of {rows:N0} synthetic patients × {table.ColumnCount} columns: {Markup.Escape(originalPath)}");

        await using var session = await DemoSession.StartAsync(console, cancellationToken);
        // A fixed seed so that the demo's output is the same on every machine; real runs draw a fresh seed.
        var runner = session.Manager.CreateRunner("demo_patients", seed: 1);
        await runner.AddTableAsync(table.Name, table, cancellationToken: cancellationToken);
        // The demo table has about 40 categorical modalities; the vendor recommends categorical reduction above 20.
        runner.SetParameters(table.Name, k: k, useCategoricalReduction: true);
        console.MarkupLine($"Uploaded [bold]{Markup.Escape(table.Name)}[/]; parameters k = {k}, categorical reduction (the table has more than 20 categorical modalities).");
        await runner.RunAsync(cancellationToken: cancellationToken);
        await DemoProgress.WaitAsync(console, runner, cancellationToken);

        var avatarsPath = Path.Combine(folder, $"{table.Name}.avatars.csv");
        await TableWriter.WriteCsvAsync(await runner.GetShuffledAsync(table.Name, cancellationToken), avatarsPath, cancellationToken);
        var privacy = (await runner.GetPrivacyMetricsAsync(table.Name, cancellationToken))[0];
        var signal = (await runner.GetSignalMetricsAsync(table.Name, cancellationToken))[0];
        var privacyPath = await DemoFiles.WriteJsonAsync(folder, $"{table.Name}.privacy.json", privacy.DeepClone(), cancellationToken);
        await DemoFiles.WriteJsonAsync(folder, $"{table.Name}.signal.json", signal.DeepClone(), cancellationToken);
        var reportPath = Path.Combine(folder, "report.pdf");
        await runner.DownloadReportAsync(reportPath, cancellationToken);

        MetricsPrinter.Print(console, [.. Metrics(privacy), .. Metrics(signal)], "Privacy and signal metrics");
        console.MarkupLine($"Avatars (shuffled, safe to share): [green]{Markup.Escape(avatarsPath)}[/]");
        console.MarkupLine($"Metrics: {Markup.Escape(privacyPath)} and {table.Name}.signal.json");
        console.MarkupLine($"Report: [green]{Markup.Escape(reportPath)}[/]");
        return 0;
    }

    private static IEnumerable<ReportMetric> Metrics(JsonObject metrics) =>
        metrics.Where(m => m.Value is JsonValue value && value.TryGetValue<double>(out _) && ReportMetricCatalog.TryGet(m.Key, out _))
            .Select(m => ReportMetricCatalog.Create(m.Key, m.Value!.GetValue<double>()));
}
