using Avatars.Server.Api;
using Avatars.Server.Jobs;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Tests.Jobs;

/// <summary><c>GET /api/results/{job_name}</c> (api.md §19) and retention (§20).</summary>
public sealed class ResultTests
{
    private static readonly Uri BaseUrl = new("https://avatars.example.com/proxy/");

    [Fact]
    public async Task Results_are_listed_per_key_in_table_order_then_file_name()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        host[JobKind.Standard].Behavior = async (c, ct) =>
        {
            // Written out of order on purpose.
            await FakeRunner.WriteAsync(c, "figures", "zebra", 1, "zebra.correlation.html", ct);
            await FakeRunner.WriteAsync(c, "figures", "iris", 0, "iris.distribution-1.html", ct);
            await FakeRunner.WriteAsync(c, "shuffled", "zebra", 1, "zebra.shuffled-0.csv", ct);
            await FakeRunner.WriteAsync(c, "figures", "iris", 0, "iris.correlation.html", ct);
            await FakeRunner.WriteAsync(c, "shuffled", "iris", 0, "iris.shuffled-0.csv", ct);
            await FakeRunner.WriteAsync(c, "run_metadata", null, 0, "run_metadata.json", ct);

            // Writing a file again replaces it.
            await FakeRunner.WriteAsync(c, "run_metadata", null, 0, "run_metadata.json", ct);
        };
        var job = await host.CreateJobAsync(alice, set, "standard");
        await host.StartWorkersAsync();
        await host.WaitForStatusAsync(job, JobStatus.Finished);

        var results = await host.WithResultsAsync(alice, s => s.GetResultsAsync(alice, job.ToString(), BaseUrl, CancellationToken.None));
        var prefix = $"https://avatars.example.com/proxy/api/storage/{alice.Id:D}/results/{job:D}/";
        Assert.Equal(["figures", "shuffled", "run_metadata"], results.Keys.OrderBy(k => k == "run_metadata").ThenBy(k => k));
        Assert.Equal(
            [prefix + "iris.correlation.html?method=get", prefix + "iris.distribution-1.html?method=get", prefix + "zebra.correlation.html?method=get"],
            results["figures"]);
        Assert.Equal([prefix + "iris.shuffled-0.csv?method=get", prefix + "zebra.shuffled-0.csv?method=get"], results["shuffled"]);
        Assert.Single(results["run_metadata"]);

        var index = await host.WithDbAsync(db => db.ResultFiles.IgnoreQueryFilters().Where(r => r.JobName == job).ToListAsync());
        Assert.Equal(6, index.Count);
        Assert.All(index, r => Assert.Equal(alice.Id, r.UserId));
        Assert.Equal("zebra.correlation.html".Length, index.Single(r => r.FileName == "zebra.correlation.html").Size);
    }

    [Fact]
    public async Task Report_lists_the_pdf_first()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.IrisWithAvatars);
        host[JobKind.Report].Behavior = async (c, ct) =>
        {
            await FakeRunner.WriteAsync(c, "report", null, 0, "report.pdf", ct);
            await FakeRunner.WriteAsync(c, "report", null, 0, "report.html", ct);
        };
        var privacy = await host.CreateJobAsync(alice, set, "privacy_metrics");
        var signal = await host.CreateJobAsync(alice, set, "signal_metrics");
        var report = await host.CreateJobAsync(alice, set, "report", privacy, signal);
        await host.StartWorkersAsync();
        await host.WaitForStatusAsync(report, JobStatus.Finished);
        var results = await host.WithResultsAsync(alice, s => s.GetResultsAsync(alice, report.ToString(), BaseUrl, CancellationToken.None));
        Assert.Collection(
            results["report"],
            u => Assert.Contains("/report.pdf?", u, StringComparison.Ordinal),
            u => Assert.Contains("/report.html?", u, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unfinished_job_is_409_expired_is_410_and_foreign_is_404()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var bob = await host.AddUserAsync("bob");
        var admin = await host.AddUserAsync("root", admin: true);
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var pending = await host.CreateJobAsync(alice, set, "standard");
        var notFinished = await Assert.ThrowsAsync<ApiException>(() => host.WithResultsAsync(alice, s => s.GetResultsAsync(alice, pending.ToString(), BaseUrl, CancellationToken.None)));
        Assert.Equal(409, notFinished.StatusCode);
        Assert.Equal("job_not_finished", notFinished.Code);
        Assert.Equal("job is not finished (status: pending)", notFinished.Message);

        await host.StartWorkersAsync();
        await host.WaitForStatusAsync(pending, JobStatus.Finished);
        Assert.Empty(await host.WithResultsAsync(alice, s => s.GetResultsAsync(alice, pending.ToString(), BaseUrl, CancellationToken.None)));

        // Neither another user nor an admin reads someone else's results.
        foreach (var other in new[] { bob, admin })
        {
            var foreign = await Assert.ThrowsAsync<ApiException>(() => host.WithResultsAsync(other, s => s.GetResultsAsync(other, pending.ToString(), BaseUrl, CancellationToken.None)));
            Assert.Equal(404, foreign.StatusCode);
        }

        Assert.Equal(404, (await Assert.ThrowsAsync<ApiException>(() => host.WithResultsAsync(alice, s => s.GetResultsAsync(alice, Guid.NewGuid().ToString(), BaseUrl, CancellationToken.None)))).StatusCode);

        await host.WithDbAsync(db => db.Jobs.IgnoreQueryFilters().Where(j => j.Name == pending).ExecuteUpdateAsync(s => s.SetProperty(j => j.ResultsExpired, true)));
        var gone = await Assert.ThrowsAsync<ApiException>(() => host.WithResultsAsync(alice, s => s.GetResultsAsync(alice, pending.ToString(), BaseUrl, CancellationToken.None)));
        Assert.Equal(410, gone.StatusCode);
        Assert.Equal("gone", gone.Code);
        Assert.Equal("results expired", gone.Message);
    }

    [Fact]
    public async Task Retention_removes_old_uploads_and_old_results()
    {
        await using var host = await JobsTestHost.CreateAsync(o =>
        {
            o.Limits.UploadRetentionDays = 7;
            o.Limits.ResultRetentionDays = 30;
        });
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var now = DateTimeOffset.UtcNow;
        host.Storage.Put(StorageKeys.Input(alice.Id, "old.csv"), [1], now.AddDays(-8));
        host.Storage.Put(StorageKeys.Input(alice.Id, "folder/recent.csv"), [1], now.AddDays(-6));

        host[JobKind.Standard].Behavior = (c, ct) => FakeRunner.WriteAsync(c, "shuffled", "iris", 0, "iris.shuffled-0.csv", ct);
        var old = await host.CreateJobAsync(alice, set, "standard");
        var recent = await host.CreateAsync(alice, set, "standard", idempotencyKey: "second");
        await host.StartWorkersAsync();
        await host.WaitForStatusAsync(old, JobStatus.Finished);
        await host.WaitForStatusAsync(recent.Name, JobStatus.Finished);
        await host.StopWorkersAsync();
        await host.WithDbAsync(db => db.Jobs.IgnoreQueryFilters().Where(j => j.Name == old)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.FinishedAt, DateTime.UtcNow.AddDays(-31))));

        var staleDirectory = Path.Combine(host.Options.DataDirectoryFullPath, "tmp");
        Directory.CreateDirectory(staleDirectory);
        var stale = Path.Combine(staleDirectory, "left-by-a-crash.tmp");
        await File.WriteAllTextAsync(stale, "x", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-2));

        await host.WithDbAsync(async db =>
        {
            db.IdempotencyRecords.Add(new() { UserId = alice.Id, Key = "old", RequestHash = "h", JobName = old, CreatedAt = DateTime.UtcNow.AddHours(-25) });
            return await db.SaveChangesAsync();
        });

        var result = await host.Services.GetRequiredService<RetentionSweeper>().SweepAsync(CancellationToken.None);
        Assert.Equal(new RetentionSweepResult(1, 1, 1), result);
        Assert.Equal(1, await host.WithDbAsync(db => db.IdempotencyRecords.IgnoreQueryFilters().CountAsync()));
        Assert.DoesNotContain(StorageKeys.Input(alice.Id, "old.csv"), host.Storage.Keys);
        Assert.Contains(StorageKeys.Input(alice.Id, "folder/recent.csv"), host.Storage.Keys);
        Assert.DoesNotContain(StorageKeys.Result(alice.Id, old, "iris.shuffled-0.csv"), host.Storage.Keys);
        Assert.Contains(StorageKeys.Result(alice.Id, recent.Name, "iris.shuffled-0.csv"), host.Storage.Keys);
        Assert.True((await host.GetJobAsync(old)).ResultsExpired);
        Assert.False((await host.GetJobAsync(recent.Name)).ResultsExpired);
        Assert.Equal(0, await host.WithDbAsync(db => db.ResultFiles.IgnoreQueryFilters().CountAsync(r => r.JobName == old)));
        Assert.False(File.Exists(stale));

        var gone = await Assert.ThrowsAsync<ApiException>(() => host.WithResultsAsync(alice, s => s.GetResultsAsync(alice, old.ToString(), BaseUrl, CancellationToken.None)));
        Assert.Equal(410, gone.StatusCode);

        // A second sweep finds nothing more.
        Assert.Equal(new RetentionSweepResult(0, 0, 0), await host.Services.GetRequiredService<RetentionSweeper>().SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Result_writer_stages_to_disk_and_leaves_no_temporary_file()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var payload = new byte[3_000_000];
        Random.Shared.NextBytes(payload);
        host[JobKind.Standard].Behavior = (c, ct) => c.Results.WriteAsync("shuffled", "iris", 0, "iris.shuffled-0.csv", (s, t) => s.WriteAsync(payload, t).AsTask(), ct);
        var job = await host.CreateJobAsync(alice, set, "standard");
        await host.StartWorkersAsync();
        await host.WaitForStatusAsync(job, JobStatus.Finished);
        Assert.Equal(payload, host.Storage.Get(StorageKeys.Result(alice.Id, job, "iris.shuffled-0.csv")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(host.Options.DataDirectoryFullPath, "tmp")));
        var file = await host.WithDbAsync(db => db.ResultFiles.IgnoreQueryFilters().SingleAsync(r => r.JobName == job));
        Assert.Equal(payload.Length, file.Size);
        Assert.Equal(StorageKeys.Result(alice.Id, job, "iris.shuffled-0.csv"), file.StorageKey);
        Assert.Equal("iris", file.TableName);
    }
}
