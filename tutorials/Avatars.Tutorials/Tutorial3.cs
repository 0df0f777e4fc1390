using System.Globalization;
using System.Text.Json.Nodes;
using Avatars.Client;
using Avatars.Client.Models;
using Avatars.Config;
using Avatars.Data;

namespace Avatars.Tutorials;

/// <summary>
/// Tutorial 3 — multi-table: patients and doctors (one row per person) and their visits, linked by keys. The server
/// avatarizes each table, re-links every visit avatar to a patient avatar and a doctor avatar, and evaluates each table
/// alone and with its links (computation types).
/// </summary>
public sealed class Tutorial3 : ITutorial
{
    private static readonly string[] Tables = ["patient", "doctor", "visit"];

    /// <inheritdoc />
    public string Name => "tutorial3";

    /// <inheritdoc />
    public string Title => "Tutorial 3: several linked tables (patient / doctor / visit)";

    /// <inheritdoc />
    public async Task RunAsync(TutorialEnvironment environment, CancellationToken cancellationToken)
    {
        var output = environment.Output;
        using var manager = await TutorialSession.StartAsync(environment, cancellationToken);
        var runner = manager.CreateRunner(TutorialEnvironment.UniqueName("multitable"));
        runner.Progress = new ConsoleJobProgress(output);

        // Every table has a primary key; visits carry the keys of their patient and doctor.
        await runner.AddTableAsync("patient", TableSource.FromFile(environment.DataFile("patient.csv")), new AddTableOptions { PrimaryKey = "p_id", IndividualLevel = true }, cancellationToken);
        await runner.AddTableAsync("doctor", TableSource.FromFile(environment.DataFile("doctor.csv")), new AddTableOptions { PrimaryKey = "d_id", IndividualLevel = true }, cancellationToken);
        await runner.AddTableAsync("visit", TableSource.FromFile(environment.DataFile("visit.csv")), new AddTableOptions { PrimaryKey = "visit_id", ForeignKeys = ["patient_id", "doctor_id"] }, cancellationToken);
        runner.AddLink("patient", "p_id", "visit", "patient_id", LinkMethod.LinearSumAssignment);
        runner.AddLink("doctor", "d_id", "visit", "doctor_id", LinkMethod.LinearSumAssignment);

        // Let the server advise k, ncp and categorical reduction for every table, then add what the attacker may know.
        await runner.AdviseParametersAsync(cancellationToken: cancellationToken);
        runner.UpdateParameters("patient", p => p with { KnownVariables = ["gender", "age"] });
        runner.PrintParameters(writer: output);
        await runner.RunAsync(cancellationToken: cancellationToken);

        var avatars = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            avatars[table] = await runner.GetShuffledAsync(table, cancellationToken);
            output.WriteLine($"{table}: {avatars[table].RowCount} avatars, columns {string.Join(", ", avatars[table].ColumnNames)}");
        }

        // The avatar tables join like the originals: every visit points to an existing patient and doctor avatar.
        CheckForeignKeys(avatars["visit"], "patient_id", avatars["patient"], "p_id");
        CheckForeignKeys(avatars["visit"], "doctor_id", avatars["doctor"], "d_id");
        output.WriteLine("Every visit avatar points to an existing patient avatar and doctor avatar.");

        output.WriteLine($"privacy_metrics: {await runner.GetStatusAsync(JobKind.PrivacyMetrics, cancellationToken)}");
        foreach (var table in Tables)
        {
            foreach (var entry in await runner.GetPrivacyMetricsAsync(table, cancellationToken))
            {
                var metadata = entry["metadata"];
                var reference = metadata?["reference"] is JsonNode r ? $" (reference: {r})" : string.Empty;
                output.WriteLine($"{table} {metadata?["computation_type"]}{reference}: hidden rate {Format(entry["hidden_rate"])} %, local cloaking {Format(entry["local_cloaking"])}");
            }

            var standalone = (await runner.GetPrivacyMetricsAsync(table, cancellationToken)).Single(e => e["metadata"]?["computation_type"]?.GetValue<string>() == "standalone");
            if (standalone["hidden_rate"] is JsonValue hidden)
            {
                TutorialCheck.That(hidden.GetValue<double>() >= 90, $"the hidden rate of table {table} should be at least 90 % (got {hidden})");
            }
        }

        output.WriteLine($"signal_metrics: {await runner.GetStatusAsync(JobKind.SignalMetrics, cancellationToken)}");
        foreach (var table in Tables)
        {
            foreach (var entry in await runner.GetSignalMetricsAsync(table, cancellationToken))
            {
                var metadata = entry["metadata"];
                output.WriteLine($"{table} {metadata?["computation_type"]}{(metadata?["reference"] is JsonNode r ? $" (reference: {r})" : string.Empty)}: Hellinger mean {Format(entry["hellinger_mean"])}, correlation difference ratio {Format(entry["correlation_difference_ratio"])}");
            }
        }

        var visitEntries = await runner.GetPrivacyMetricsAsync("visit", cancellationToken);
        TutorialCheck.That(
            visitEntries.Count(e => e["metadata"]?["computation_type"]?.GetValue<string>() == "to_bottom_id_propagated") == 2,
            "the visits should be evaluated once per parent (patient and doctor) with the parent's id propagated");

        var report = Path.Combine(environment.OutputDirectory, "multitable-report.pdf");
        await runner.DownloadReportAsync(report, cancellationToken);
        output.WriteLine($"Report: {report}");
    }

    private static void CheckForeignKeys(Table child, string foreignKey, Table parent, string primaryKey)
    {
        var keys = Enumerable.Range(0, parent.RowCount).Select(i => parent[primaryKey].FormatValue(i)).ToHashSet(StringComparer.Ordinal);
        var orphans = Enumerable.Range(0, child.RowCount).Count(i => !keys.Contains(child[foreignKey].FormatValue(i) ?? string.Empty));
        TutorialCheck.That(orphans == 0, $"{orphans} rows of the avatar table {child.Name} have a {foreignKey} that is not a {primaryKey} of the avatar table {parent.Name}");
    }

    private static string Format(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<double>(out var number) ? number.ToString("0.##", CultureInfo.InvariantCulture) : "n/a";
}
