using Avatars.Client;
using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Data;

namespace Avatars.Tutorials;

/// <summary>Tutorial 1 — the basics: iris from a table, k = 5, results, metrics, report; then a failing run (k ≥ rows).</summary>
public sealed class Tutorial1 : ITutorial
{
    /// <inheritdoc />
    public string Name => "tutorial1";

    /// <inheritdoc />
    public string Title => "Tutorial 1: the basics (iris) and how a failed job reports its error";

    /// <inheritdoc />
    public async Task RunAsync(TutorialEnvironment environment, CancellationToken cancellationToken)
    {
        var output = environment.Output;
        using var manager = await TutorialSession.StartAsync(environment, cancellationToken);
        var health = await manager.AuthClient.GetHealthAsync(cancellationToken);
        output.WriteLine($"Server health: {health.Message} (version {health.Version})");

        var iris = await TableReader.ReadAsync(environment.DataFile("iris.csv"), new TableReadOptions { TableName = "iris" }, cancellationToken);
        var runner = manager.CreateRunner(TutorialEnvironment.UniqueName("iris"));
        runner.Progress = new ConsoleJobProgress(output);
        await runner.AddTableAsync("iris", iris, cancellationToken: cancellationToken);
        runner.SetParameters("iris", k: 5);
        await runner.RunAsync(cancellationToken: cancellationToken);

        var avatars = await runner.GetShuffledAsync("iris", cancellationToken);
        output.WriteLine($"Avatars: {avatars.RowCount} rows; columns {string.Join(", ", avatars.Columns.Select(c => $"{c.Name} ({c.Type})"))}");
        TutorialCheck.That(avatars.RowCount == iris.RowCount, $"the avatars should have {iris.RowCount} rows, got {avatars.RowCount}");
        TutorialCheck.That(
            avatars.Columns.Select(c => (c.Name, c.Type)).SequenceEqual(iris.Columns.Select(c => (c.Name, c.Type))),
            "the avatars should have the original's columns and types");

        var privacy = (await runner.GetPrivacyMetricsAsync("iris", cancellationToken))[0];
        var signal = (await runner.GetSignalMetricsAsync("iris", cancellationToken))[0];
        output.WriteLine($"Hidden rate {privacy["hidden_rate"]} (target {privacy["targets"]?["hidden_rate"]}), local cloaking {privacy["local_cloaking"]}, Hellinger mean {signal["hellinger_mean"]}");
        TutorialCheck.That(privacy["targets"]?["hidden_rate"] is not null, "the privacy metrics should come with their targets");

        var report = Path.Combine(environment.OutputDirectory, "iris_report.pdf");
        await runner.DownloadReportAsync(report, cancellationToken);
        TutorialCheck.That(File.ReadAllBytes(report).AsSpan().StartsWith("%PDF"u8), "the report should be a PDF");
        output.WriteLine($"Report: {report}");

        // A run that cannot work: k must be smaller than the number of rows. The job ends in error and says why.
        var failing = manager.CreateRunner(TutorialEnvironment.UniqueName("iris_k500"));
        await failing.AddTableAsync("iris", iris, cancellationToken: cancellationToken);
        failing.SetParameters("iris", k: 500);
        await failing.RunAsync([JobKind.Standard], cancellationToken);
        try
        {
            await failing.WaitForJobAsync(JobKind.Standard, cancellationToken: cancellationToken);
            throw new TutorialCheckException("the k = 500 job should have failed");
        }
        catch (AvatarsJobFailedException)
        {
            // Expected: the job's state below shows the server's message.
        }

        var job = await failing.GetJobAsync(JobKind.Standard, cancellationToken);
        output.WriteLine($"k = 500: status {job.Status}, exception: {job.Exception}");
        TutorialCheck.That(job.Status == JobStatus.Error, $"the k = 500 job should end in error, got {job.Status}");
        TutorialCheck.That(job.Exception.Contains("500", StringComparison.Ordinal) && job.Exception.Contains("150", StringComparison.Ordinal),
            $"the error should name k = 500 and the 150 rows: {job.Exception}");
    }
}
