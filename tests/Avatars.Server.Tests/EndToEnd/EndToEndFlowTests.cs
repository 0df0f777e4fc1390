using System.Text;
using System.Text.Json;
using Avatars.Server.Hosting;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.EndToEnd;

/// <summary>
/// The acceptance flow over HTTP only: log in, upload a table through a signed URL, PUT a resource set, run
/// standard → signal + privacy metrics → report, poll to finished, list results, download the avatars.
/// Runs on the embedded defaults and (in <see cref="ServicesEndToEndFlowTests"/>) on PostgreSQL + S3.
/// </summary>
public abstract class EndToEndFlowTests
{
    /// <summary>Chooses the backends.</summary>
    protected abstract void Configure(AvatarsServerOptions options);

    [Fact]
    public async Task Full_flow_from_upload_to_downloaded_avatars_and_report()
    {
        await using var server = await TestServer.StartAsync(Configure);
        using var user = await ApiSession.CreateUserAsync(server, "alice");
        var csv = await FlowData.PatientsCsvAsync();
        await user.UploadAsync("patients.csv", csv);
        var set = await user.PutResourcesAsync("patients_k10", FlowData.Yaml());

        var standard = await user.CreateJobAsync(set, "standard");
        var signal = await user.CreateJobAsync(set, "signal_metrics", standard);
        var privacy = await user.CreateJobAsync(set, "privacy_metrics", $"/api/jobs/{standard}");
        var report = await user.CreateJobAsync(set, "report", signal, privacy);

        var reportJob = await user.WaitForFinishedAsync(report);
        Assert.Equal(1.0, reportJob.GetProperty("progress").GetDouble());
        foreach (var job in new[] { standard, signal, privacy })
        {
            await user.WaitForFinishedAsync(job);
        }

        var results = await user.GetResultsAsync(standard);
        Assert.Equal(["patients.shuffled-0.csv"], results["shuffled"].Select(AvatarFlow.FileNameOf));
        Assert.Equal(["patients.unshuffled-0.csv"], results["unshuffled"].Select(AvatarFlow.FileNameOf));
        Assert.Contains("original_projections", results.Keys);
        Assert.Contains("avatar_projections", results.Keys);
        Assert.Contains("run_metadata", results.Keys);

        var avatars = Encoding.UTF8.GetString(await AvatarFlow.DownloadAsync(results["shuffled"][0]));
        var originalLines = Encoding.UTF8.GetString(csv).TrimEnd('\n').Split('\n');
        var avatarLines = avatars.TrimEnd('\n').Split('\n');
        Assert.Equal(originalLines[0], avatarLines[0]);
        Assert.Equal(originalLines.Length, avatarLines.Length);

        var privacyFiles = await user.GetResultsAsync(privacy);
        var privacyJson = JsonDocument.Parse(await AvatarFlow.DownloadAsync(privacyFiles["privacy_metrics"][0])).RootElement;
        Assert.Equal("patients.privacy.json", AvatarFlow.FileNameOf(privacyFiles["privacy_metrics"][0]));
        Assert.True(privacyJson.TryGetProperty("hidden_rate", out _), privacyJson.ToString());
        var signalFiles = await user.GetResultsAsync(signal);
        Assert.Equal("patients.signal.json", AvatarFlow.FileNameOf(signalFiles["signal_metrics"][0]));

        var reportFiles = await user.GetResultsAsync(report);
        Assert.Equal(["report.pdf", "report.html"], reportFiles["report"].Select(AvatarFlow.FileNameOf));
        var pdf = await AvatarFlow.DownloadAsync(reportFiles["report"][0]);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));

        var list = await user.GetJsonAsync("api/jobs");
        Assert.Equal(4, list.GetProperty("jobs").GetArrayLength());
    }
}

/// <summary>The flow on the embedded defaults (SQLite + local disk).</summary>
public sealed class EmbeddedEndToEndFlowTests : EndToEndFlowTests
{
    /// <inheritdoc />
    protected override void Configure(AvatarsServerOptions options)
    {
    }
}

/// <summary>The flow on PostgreSQL and an S3-compatible server (started by .ci/run; skipped elsewhere).</summary>
public sealed class ServicesEndToEndFlowTests : EndToEndFlowTests
{
    /// <inheritdoc />
    protected override void Configure(AvatarsServerOptions options)
    {
        ServiceBackends.UsePostgres(options);
        ServiceBackends.UseS3(options);
    }
}
