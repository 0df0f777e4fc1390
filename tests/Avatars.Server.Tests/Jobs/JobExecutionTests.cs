using Avatars.Server.Api;
using Avatars.Server.Jobs;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Tests.Jobs;

/// <summary>The scheduler, executor and result writer with fake runners (api.md §18.4).</summary>
public sealed class JobExecutionTests
{
    [Fact]
    public async Task Chain_runs_in_dependency_order_and_children_see_their_parents_outputs()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        host[JobKind.Standard].Behavior = async (c, ct) =>
        {
            c.Progress.Report(0.5);
            await FakeRunner.WriteAsync(c, "shuffled", "iris", 0, "iris.shuffled-0.csv", ct);
        };
        var standard = await host.CreateJobAsync(alice, set, "standard");
        var privacy = await host.CreateJobAsync(alice, set, "privacy_metrics", standard);
        var signal = await host.CreateJobAsync(alice, set, "signal_metrics", standard);
        var report = await host.CreateJobAsync(alice, set, "report", privacy, signal);
        await host.StartWorkersAsync();

        var done = await host.WaitForStatusAsync(report, JobStatus.Finished);
        Assert.Equal(1.0, done.Progress);
        Assert.NotNull(done.StartedAt);
        Assert.NotNull(done.FinishedAt);
        Assert.Null(done.LeaseOwner);

        var context = Assert.Single(host[JobKind.PrivacyMetrics].Runs);
        var parent = Assert.Single(context.Parents);
        Assert.Equal(standard, parent.Job.Name);
        Assert.Equal(JobKind.Standard, parent.Kind);
        Assert.Equal("iris.shuffled-0.csv", Assert.Single(parent.Files).FileName);
        Assert.Equal("privacy_metrics", context.Parameters.Name);
        Assert.Equal(42, context.Job.Seed);
        Assert.Equal(StorageKeys.Input(alice.Id, "iris.csv"), context.InputKey("iris.csv"));

        var reportContext = Assert.Single(host[JobKind.Report].Runs);
        Assert.Equal([privacy, signal], reportContext.Parents.Select(p => p.Job.Name));
        Assert.Equal("iris.shuffled-0.csv", System.Text.Encoding.UTF8.GetString(host.Storage.Get(StorageKeys.Result(alice.Id, standard, "iris.shuffled-0.csv"))));
    }

    [Fact]
    public async Task Progress_is_written_while_running()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var release = new TaskCompletionSource();
        host[JobKind.Standard].Behavior = async (c, ct) =>
        {
            for (var i = 0; i < 1000; i++)
            {
                c.Progress.Report(i / 4000.0);
            }

            c.Progress.Report(0.25);
            await release.Task.WaitAsync(ct);
        };
        var job = await host.CreateJobAsync(alice, set, "standard");
        await host.StartWorkersAsync();
        await host.WaitForStatusAsync(job, JobStatus.Running);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await host.GetJobAsync(job)).Progress != 0.25 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var read = await host.WithJobsAsync(alice, s => s.GetAsync(alice, job.ToString(), CancellationToken.None));
        Assert.Equal(0.25, read.Progress);
        Assert.Equal("running", read.Status);
        Assert.False(read.Done);
        release.SetResult();
        await host.WaitForStatusAsync(job, JobStatus.Finished);
    }

    [Fact]
    public async Task Failure_makes_descendants_parent_error_transitively()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        host[JobKind.Standard].Behavior = (_, _) => throw new JobFailedException("table \"iris\" has 3 rows; at least 10 are needed");
        var standard = await host.CreateJobAsync(alice, set, "standard");
        var privacy = await host.CreateJobAsync(alice, set, "privacy_metrics", standard);
        var signal = await host.CreateJobAsync(alice, set, "signal_metrics", standard);
        var report = await host.CreateJobAsync(alice, set, "report", privacy, signal);
        await host.StartWorkersAsync();

        var failed = await host.WaitForStatusAsync(standard, JobStatus.Error);
        Assert.Equal("table \"iris\" has 3 rows; at least 10 are needed", failed.Exception);
        var child = await host.WaitForStatusAsync(privacy, JobStatus.ParentError);
        Assert.Equal($"parent job {standard:D} ended with status error", child.Exception);
        var grandchild = await host.WaitForStatusAsync(report, JobStatus.ParentError);
        Assert.Equal($"parent job {privacy:D} ended with status parent_error", grandchild.Exception);
        Assert.Empty(host[JobKind.Report].Runs);
    }

    [Fact]
    public async Task Unexpected_exception_is_an_internal_error_with_a_reference()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        host[JobKind.Standard].Behavior = (_, _) => throw new InvalidOperationException("secret detail /etc/passwd");
        var job = await host.CreateJobAsync(alice, set, "standard");
        await host.StartWorkersAsync();
        var failed = await host.WaitForStatusAsync(job, JobStatus.Error);
        Assert.Matches("^internal error \\(reference [0-9a-f]{16}\\)$", failed.Exception);
    }

    [Fact]
    public async Task Error_deletes_partial_results()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        host[JobKind.Standard].Behavior = async (c, ct) =>
        {
            await FakeRunner.WriteAsync(c, "shuffled", "iris", 0, "iris.shuffled-0.csv", ct);
            throw new JobFailedException("no");
        };
        var job = await host.CreateJobAsync(alice, set, "standard");
        await host.StartWorkersAsync();
        await host.WaitForStatusAsync(job, JobStatus.Error);
        Assert.Empty(host.Storage.Keys);
        Assert.Equal(0, await host.WithDbAsync(db => db.ResultFiles.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Kind_without_runner_is_not_available()
    {
        await using var host = await JobsTestHost.CreateAsync(runnerKinds: [JobKind.Standard]);
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var job = await host.CreateJobAsync(alice, set, "advice");
        await host.StartWorkersAsync();
        var failed = await host.WaitForStatusAsync(job, JobStatus.Error);
        Assert.Equal("advice jobs are not available in this version", failed.Exception);
    }

    [Fact]
    public async Task Changed_or_missing_input_fails_fast()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var modified = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        host.Storage.Put(StorageKeys.Input(alice.Id, "iris.csv"), new byte[10], modified);
        var fingerprint = """[{"file": "iris.csv", "size": 10, "last_modified": "2026-01-05T10:00:00Z"}]""";
        var unchanged = await host.AddSetAsync(alice, TestSets.Iris, fingerprints: fingerprint);
        var changed = await host.AddSetAsync(alice, TestSets.Iris, fingerprints: fingerprint.Replace("10,", "11,", StringComparison.Ordinal));
        var missing = await host.AddSetAsync(alice, TestSets.Iris, fingerprints: fingerprint.Replace("iris.csv", "gone.csv", StringComparison.Ordinal));

        var ok = await host.CreateJobAsync(alice, unchanged, "standard");
        var bad = await host.CreateJobAsync(alice, changed, "standard");
        var lost = await host.CreateJobAsync(alice, missing, "standard");
        await host.StartWorkersAsync();
        await host.WaitForStatusAsync(ok, JobStatus.Finished);
        Assert.Equal("input file iris.csv changed since the resource set was created", (await host.WaitForStatusAsync(bad, JobStatus.Error)).Exception);
        Assert.Contains("gone.csv", (await host.WaitForStatusAsync(lost, JobStatus.Error)).Exception, StringComparison.Ordinal);
        Assert.Single(host[JobKind.Standard].Runs);
    }

    [Fact]
    public async Task Cancel_pending_job_and_409_once_ended()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var standard = await host.CreateJobAsync(alice, set, "standard");
        var child = await host.CreateJobAsync(alice, set, "privacy_metrics", standard);

        var cancelled = await host.WithJobsAsync(alice, s => s.CancelAsync(alice, standard.ToString(), CancellationToken.None));
        Assert.Equal("cancelled", cancelled.Status);
        Assert.Equal("cancelled by user", cancelled.Exception);
        Assert.True(cancelled.Done);
        Assert.Equal("parent_error", (await host.GetJobAsync(child)).Status);

        var again = await Assert.ThrowsAsync<ApiException>(() => host.WithJobsAsync(alice, s => s.CancelAsync(alice, standard.ToString(), CancellationToken.None)));
        Assert.Equal(409, again.StatusCode);
        await host.StartWorkersAsync();
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Empty(host[JobKind.Standard].Runs);
    }

    [Fact]
    public async Task Cancel_running_job_stops_the_runner_and_deletes_its_files()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var observed = new TaskCompletionSource();
        host[JobKind.Standard].Behavior = async (c, ct) =>
        {
            try
            {
                // The cancel may land while the file is being indexed: that write is cancelled too.
                await FakeRunner.WriteAsync(c, "shuffled", "iris", 0, "iris.shuffled-0.csv", ct);
                await FakeRunner.WaitForCancellationAsync(ct);
            }
            finally
            {
                observed.TrySetResult();
            }
        };
        var job = await host.CreateJobAsync(alice, set, "standard");
        await host.StartWorkersAsync();
        await host[JobKind.Standard].Started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        while (host.Storage.Keys.Count == 0)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        var response = await host.WithJobsAsync(alice, s => s.CancelAsync(alice, job.ToString(), CancellationToken.None));
        Assert.Equal("cancelled", response.Status);
        await observed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((host.Storage.Keys.Count > 0 || (await host.GetJobAsync(job)).LeaseOwner is not null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Empty(host.Storage.Keys);
        Assert.Equal(0, await host.WithDbAsync(db => db.ResultFiles.IgnoreQueryFilters().CountAsync()));
        var final = await host.GetJobAsync(job);
        Assert.Equal("cancelled", final.Status);
        Assert.Equal("cancelled by user", final.Exception);
    }

    [Fact]
    public async Task Max_duration_ends_the_job_in_error()
    {
        await using var host = await JobsTestHost.CreateAsync(o => o.Limits.MaxJobDuration = TimeSpan.FromMilliseconds(300));
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        host[JobKind.Standard].Behavior = (_, ct) => FakeRunner.WaitForCancellationAsync(ct);
        var job = await host.CreateJobAsync(alice, set, "standard");
        await host.StartWorkersAsync();
        var failed = await host.WaitForStatusAsync(job, JobStatus.Error);
        Assert.Equal("the job exceeded the maximum duration of 00:00:00.3000000", failed.Exception);
    }

    [Fact]
    public void Max_duration_message_of_the_default_limit() =>
        Assert.Equal("01:00:00", new Avatars.Server.Hosting.LimitsOptions().MaxJobDuration.ToString("c"));

    [Fact]
    public async Task Concurrency_limits_the_jobs_run_at_once()
    {
        await using var host = await JobsTestHost.CreateAsync(o => o.Workers.Concurrency = 2);
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var running = 0;
        var peak = 0;
        host[JobKind.Advice].Behavior = async (_, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(100, ct);
            Interlocked.Decrement(ref running);
        };
        var jobs = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add((await host.CreateAsync(alice, set, "advice", idempotencyKey: $"k{i}")).Name);
        }

        await host.StartWorkersAsync();
        foreach (var job in jobs)
        {
            await host.WaitForStatusAsync(job, JobStatus.Finished);
        }

        Assert.Equal(2, peak);
    }

    [Fact]
    public async Task Graceful_shutdown_requeues_and_the_next_process_finishes_the_job()
    {
        var directory = Path.Combine(Path.GetTempPath(), "avatars-jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Guid job;
            await using (var first = await JobsTestHost.CreateAsync(directory: directory))
            {
                var alice = await first.AddUserAsync("alice");
                var set = await first.AddSetAsync(alice, TestSets.Iris);
                first[JobKind.Standard].Behavior = async (c, ct) =>
                {
                    await FakeRunner.WriteAsync(c, "shuffled", "iris", 0, "partial.csv", ct);
                    await FakeRunner.WaitForCancellationAsync(ct);
                };
                job = await first.CreateJobAsync(alice, set, "standard");
                await first.StartWorkersAsync();
                await first.WaitForStatusAsync(job, JobStatus.Running);
                await first[JobKind.Standard].Started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
                await first.StopWorkersAsync();

                var requeued = await first.GetJobAsync(job);
                Assert.Equal("pending", requeued.Status);
                Assert.Null(requeued.Progress);
                Assert.Null(requeued.LeaseOwner);
                Assert.Equal(0, requeued.Attempts);
                Assert.Empty(first.Storage.Keys);
            }

            await using var second = await JobsTestHost.CreateAsync(directory: directory);
            await second.RunStartupTasksAsync();
            await second.StartWorkersAsync();
            var finished = await second.WaitForStatusAsync(job, JobStatus.Finished);
            Assert.Equal(1, finished.Attempts);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Job_left_running_by_a_dead_process_runs_again_then_errors_when_lost_twice()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var once = await host.CreateJobAsync(alice, set, "standard");
        var twice = await host.CreateJobAsync(alice, set, "advice");
        var child = await host.CreateJobAsync(alice, set, "privacy_metrics", once);

        // A previous process claimed both and died; the second was already re-queued once. Its lease has not expired:
        // on SQLite (one instance by design) start-up recovers it anyway.
        host.Storage.Put(StorageKeys.Result(alice.Id, once, "stale.csv"), [1]);
        await SimulateDeadWorkerAsync(host, once, attempts: 1, leaseExpires: DateTime.UtcNow.AddMinutes(1));
        await SimulateDeadWorkerAsync(host, twice, attempts: 2, leaseExpires: DateTime.UtcNow.AddMinutes(1));

        // A third was cancelled while running, and its worker died before deleting what it wrote.
        var cancelled = await host.CreateJobAsync(alice, set, "signal_metrics", once);
        await SimulateDeadWorkerAsync(host, cancelled, attempts: 1, leaseExpires: DateTime.UtcNow.AddMinutes(1));
        await host.WithJobsAsync(alice, s => s.CancelAsync(alice, cancelled.ToString(), CancellationToken.None));
        host.Storage.Put(StorageKeys.Result(alice.Id, cancelled, "partial.json"), [1]);
        await host.RunStartupTasksAsync();

        Assert.DoesNotContain(StorageKeys.Result(alice.Id, cancelled, "partial.json"), host.Storage.Keys);
        Assert.Null((await host.GetJobAsync(cancelled)).LeaseOwner);

        Assert.Equal("pending", (await host.GetJobAsync(once)).Status);
        var lost = await host.GetJobAsync(twice);
        Assert.Equal("error", lost.Status);
        Assert.Equal("worker lost", lost.Exception);

        await host.StartWorkersAsync();
        var done = await host.WaitForStatusAsync(once, JobStatus.Finished);
        Assert.Equal(2, done.Attempts);
        Assert.DoesNotContain(StorageKeys.Result(alice.Id, once, "stale.csv"), host.Storage.Keys);
        await host.WaitForStatusAsync(child, JobStatus.Finished);
    }

    [Fact]
    public async Task Expired_lease_of_another_instance_is_recovered_while_running()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var job = await host.CreateJobAsync(alice, set, "standard");
        var live = await host.CreateJobAsync(alice, set, "advice");
        await SimulateDeadWorkerAsync(host, job, attempts: 1, leaseExpires: DateTime.UtcNow.AddSeconds(-1));

        // A live lease of another instance is left alone by the scheduler.
        await SimulateDeadWorkerAsync(host, live, attempts: 1, leaseExpires: DateTime.UtcNow.AddHours(1));
        await host.StartWorkersAsync();
        await host.WaitForStatusAsync(job, JobStatus.Finished);
        Assert.Equal("running", (await host.GetJobAsync(live)).Status);
    }

    [Fact]
    public async Task Job_created_while_workers_idle_starts_promptly()
    {
        // The poll is far away: only the creation signal can start the job in time.
        var timings = new JobTimings
        {
            LeaseDuration = TimeSpan.FromSeconds(2),
            HeartbeatInterval = TimeSpan.FromMilliseconds(50),
            ProgressInterval = TimeSpan.FromMilliseconds(20),
            PollInterval = TimeSpan.FromMinutes(5),
            FirstSweepDelay = TimeSpan.FromHours(1),
        };
        await using var host = await JobsTestHost.CreateAsync(timings: timings);
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        await host.StartWorkersAsync();
        var job = await host.CreateJobAsync(alice, set, "standard");
        await host.WaitForStatusAsync(job, JobStatus.Finished, TimeSpan.FromSeconds(5));
    }

    private static Task<int> SimulateDeadWorkerAsync(JobsTestHost host, Guid job, int attempts, DateTime leaseExpires) =>
        host.WithDbAsync(db => db.Jobs.IgnoreQueryFilters().Where(j => j.Name == job).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, "running")
            .SetProperty(j => j.StartedAt, DateTime.UtcNow)
            .SetProperty(j => j.Progress, 0.3)
            .SetProperty(j => j.LeaseOwner, "dead-instance")
            .SetProperty(j => j.LeaseExpiresAt, leaseExpires)
            .SetProperty(j => j.Attempts, attempts)));

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
