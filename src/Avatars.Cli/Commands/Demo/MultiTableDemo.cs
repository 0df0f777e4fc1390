using System.Text.Json.Nodes;
using Avatars.Client;
using Avatars.Config;
using Avatars.Data;
using Avatars.Data.Generation;
using Spectre.Console;
using Table = Avatars.Data.Table;
using K = Avatars.Data.Generation.HospitalTables;

namespace Avatars.Cli.Commands.Demo;

/// <summary>
/// The multi-table demo: linked patients, doctors and visits avatarized together through the SDK (keys, links,
/// parameters per table), then each table's avatars, metrics per computation type, the report, and a check that the
/// avatar tables join like the originals.
/// </summary>
internal static class MultiTableDemo
{
    public static async Task<int> RunAsync(IAnsiConsole console, int patients, int k, string folder, CancellationToken cancellationToken)
    {
        var tables = HospitalTablesGenerator.Generate(patients, seed: 42);
        foreach (var table in tables.All)
        {
            await TableWriter.WriteCsvAsync(table, Path.Combine(folder, $"{table.Name}.csv"), cancellationToken);
        }

        console.MarkupLine(
            $"Generated three linked synthetic tables in {Markup.Escape(folder)}: {tables.Patients.RowCount:N0} patients, {tables.Doctors.RowCount:N0} doctors, {tables.Visits.RowCount:N0} visits.");

        await using var session = await DemoSession.StartAsync(console, cancellationToken);
        // A fixed seed so that the demo's output is the same on every machine; real runs draw a fresh seed.
        var runner = session.Manager.CreateRunner("demo_hospital", seed: 1);
        await runner.AddTableAsync(tables.Patients.Name, tables.Patients, new AddTableOptions { PrimaryKey = K.PatientKey, IndividualLevel = true }, cancellationToken);
        await runner.AddTableAsync(tables.Doctors.Name, tables.Doctors, new AddTableOptions { PrimaryKey = K.DoctorKey, IndividualLevel = true }, cancellationToken);
        await runner.AddTableAsync(
            tables.Visits.Name, tables.Visits, new AddTableOptions { PrimaryKey = K.VisitKey, ForeignKeys = [K.VisitPatientKey, K.VisitDoctorKey], IndividualLevel = false }, cancellationToken);
        runner.AddLink(tables.Patients.Name, K.PatientKey, tables.Visits.Name, K.VisitPatientKey, LinkMethod.LinearSumAssignment);
        runner.AddLink(tables.Doctors.Name, K.DoctorKey, tables.Visits.Name, K.VisitDoctorKey, LinkMethod.LinearSumAssignment);
        foreach (var table in tables.All)
        {
            runner.SetParameters(table.Name, k: k);
        }

        console.MarkupLine(
            $"Uploaded [bold]patients[/] (key {K.PatientKey}), [bold]doctors[/] (key {K.DoctorKey}) and [bold]visits[/] (key {K.VisitKey}, linked by {K.VisitPatientKey} and {K.VisitDoctorKey}); k = {k} for every table.");
        await runner.RunAsync(cancellationToken: cancellationToken);
        await DemoProgress.WaitAsync(console, runner, cancellationToken);

        var avatars = new Dictionary<string, Table>(StringComparer.Ordinal);
        var rows = new List<MultiTableMetricsRow>();
        foreach (var table in tables.All)
        {
            avatars[table.Name] = await runner.GetShuffledAsync(table.Name, cancellationToken);
            await TableWriter.WriteCsvAsync(avatars[table.Name], Path.Combine(folder, $"{table.Name}.avatars.csv"), cancellationToken);
            var privacy = await runner.GetPrivacyMetricsAsync(table.Name, cancellationToken);
            var signal = await runner.GetSignalMetricsAsync(table.Name, cancellationToken);
            await DemoFiles.WriteJsonAsync(folder, $"{table.Name}.privacy.json", new JsonArray([.. privacy.Select(e => e.DeepClone())]), cancellationToken);
            await DemoFiles.WriteJsonAsync(folder, $"{table.Name}.signal.json", new JsonArray([.. signal.Select(e => e.DeepClone())]), cancellationToken);
            rows.AddRange(MultiTableMetricsRow.Combine(table.Name, privacy, signal));
        }

        var reportPath = Path.Combine(folder, "report.pdf");
        await runner.DownloadReportAsync(reportPath, cancellationToken);

        MultiTableMetricsRow.Print(console, rows);
        var orphans = ForeignKeyCheck.Report(console, avatars[tables.Visits.Name], [
            (K.VisitPatientKey, avatars[tables.Patients.Name], K.PatientKey),
            (K.VisitDoctorKey, avatars[tables.Doctors.Name], K.DoctorKey),
        ]);
        console.MarkupLine($"Avatars (shuffled, safe to share): [green]{Markup.Escape(string.Join(", ", tables.All.Select(t => $"{t.Name}.avatars.csv")))}[/] in {Markup.Escape(folder)}");
        console.MarkupLine($"Metrics: {Markup.Escape(string.Join(", ", tables.All.Select(t => $"{t.Name}.privacy.json, {t.Name}.signal.json")))} (one entry per computation type)");
        console.MarkupLine($"Report: [green]{Markup.Escape(reportPath)}[/]");
        return orphans == 0 ? 0 : 1;
    }
}
