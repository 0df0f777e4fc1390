using Avatars.Client;
using Avatars.Client.Models;
using Avatars.Config;
using Avatars.Data;

namespace Avatars.Tutorials;

/// <summary>Tutorial 3 — multi-table: patients, doctors and their visits, linked by keys.</summary>
public sealed class Tutorial3 : ITutorial
{
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
        await runner.AddTableAsync("patient", TableSource.FromFile(environment.DataFile("patient.csv")), new AddTableOptions { PrimaryKey = "p_id", IndividualLevel = true }, cancellationToken);
        await runner.AddTableAsync("doctor", TableSource.FromFile(environment.DataFile("doctor.csv")), new AddTableOptions { PrimaryKey = "d_id" }, cancellationToken);
        await runner.AddTableAsync("visit", TableSource.FromFile(environment.DataFile("visit.csv")), new AddTableOptions { PrimaryKey = "visit_id", ForeignKeys = ["patient_id", "doctor_id"] }, cancellationToken);
        runner.AddLink("doctor", "d_id", "visit", "doctor_id", LinkMethod.LinearSumAssignment);
        runner.AddLink("patient", "p_id", "visit", "patient_id", LinkMethod.SensitiveOriginalOrderAssignment);
        runner.SetParameters("patient", k: 5);
        runner.SetParameters("doctor", k: 5);
        runner.SetParameters("visit", k: 5);
        runner.UpdateParameters("patient", p => p with { KnownVariables = ["gender", "age"] });
        runner.PrintParameters(writer: output);
        await runner.RunAsync(cancellationToken: cancellationToken);

        foreach (var table in new[] { "patient", "doctor", "visit" })
        {
            var avatars = await runner.GetShuffledAsync(table, cancellationToken);
            output.WriteLine($"{table}: {avatars.RowCount} avatars");
        }

        foreach (var entry in await runner.GetPrivacyMetricsAsync("patient", cancellationToken))
        {
            output.WriteLine($"patient {entry["metadata"]?["computation_type"]}: hidden rate {entry["hidden_rate"]}");
        }

        var report = Path.Combine(environment.OutputDirectory, "multitable-report.pdf");
        await runner.DownloadReportAsync(report, cancellationToken);
        output.WriteLine($"Report: {report}");
    }
}
