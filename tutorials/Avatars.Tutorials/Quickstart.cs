using Avatars.Client;
using Avatars.Data;

namespace Avatars.Tutorials;

/// <summary>Quickstart (one dataset): WBCD from a file, k = 15, every job, results, metrics and the report.</summary>
public sealed class Quickstart : ITutorial
{
    /// <inheritdoc />
    public string Name => "quickstart";

    /// <inheritdoc />
    public string Title => "Quickstart: avatarize one dataset (WBCD) and read the results";

    /// <inheritdoc />
    public async Task RunAsync(TutorialEnvironment environment, CancellationToken cancellationToken)
    {
        var output = environment.Output;
        using var manager = await TutorialSession.StartAsync(environment, cancellationToken);
        var runner = manager.CreateRunner(TutorialEnvironment.UniqueName("test_wbcd"));
        runner.Progress = new ConsoleJobProgress(output);

        var path = environment.DataFile("wbcd.csv");
        await runner.AddTableAsync("wbcd", TableSource.FromFile(path), cancellationToken: cancellationToken);
        runner.SetParameters("wbcd", k: 15);
        await runner.RunAsync(cancellationToken: cancellationToken);
        await runner.GetAllResultsAsync(cancellationToken);

        var original = await TableReader.ReadAsync(path, cancellationToken: cancellationToken);
        var avatars = await runner.GetShuffledAsync("wbcd", cancellationToken);
        output.WriteLine($"Avatars: {avatars.RowCount} rows × {avatars.ColumnCount} columns");
        TutorialCheck.That(avatars.RowCount == original.RowCount && avatars.ColumnCount == original.ColumnCount,
            $"the avatars should have the original's shape ({original.RowCount} × {original.ColumnCount}), got {avatars.RowCount} × {avatars.ColumnCount}");

        var privacy = (await runner.GetPrivacyMetricsAsync("wbcd", cancellationToken))[0];
        var signal = (await runner.GetSignalMetricsAsync("wbcd", cancellationToken))[0];
        foreach (var (name, value) in privacy.Where(p => p.Key is not ("targets" or "metadata" or "details")))
        {
            output.WriteLine($"  {name}: {value?.ToJsonString()}");
        }

        foreach (var (name, value) in signal.Where(p => p.Key is not ("targets" or "metadata" or "details")))
        {
            output.WriteLine($"  {name}: {value?.ToJsonString()}");
        }

        TutorialCheck.That(privacy["hidden_rate"] is not null && privacy["targets"] is not null, "the privacy metrics should have a hidden rate and targets");
        TutorialCheck.That(signal["hellinger_mean"] is not null, "the signal metrics should have a mean Hellinger distance");

        var report = Path.Combine(environment.OutputDirectory, "my_report.pdf");
        await runner.DownloadReportAsync(report, cancellationToken);
        TutorialCheck.That(File.ReadAllBytes(report).AsSpan().StartsWith("%PDF"u8), "the report should be a PDF");
        output.WriteLine($"Report: {report}");
    }
}
