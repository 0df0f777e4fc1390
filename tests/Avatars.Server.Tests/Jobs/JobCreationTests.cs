using Avatars.Server.Api;
using Avatars.Server.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Tests.Jobs;

/// <summary>Creation rules (api.md §18.1–18.3) without workers: jobs stay where creation put them.</summary>
public sealed class JobCreationTests
{
    [Fact]
    public async Task Standard_job_is_created_pending_with_kind_display_name_and_seed()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris, "iris_k5");
        var result = await host.CreateAsync(alice, set, "standard");
        Assert.False(result.Replayed);

        var job = await host.WithJobsAsync(alice, s => s.GetAsync(alice, result.Name.ToString("D"), CancellationToken.None));
        Assert.Equal("standard", job.Kind);
        Assert.Equal("pending", job.Status);
        Assert.False(job.Done);
        Assert.Null(job.Progress);
        Assert.Equal(string.Empty, job.Exception);
        Assert.Equal("iris_k5", job.DisplayName);
        Assert.Equal(alice.Id.ToString("D"), job.UserId);
        Assert.Empty(job.DependsOn);
        Assert.Equal(DateTimeKind.Utc, job.CreatedAt.Kind);
        Assert.Null(job.StartedAt);

        // No seed in the document: one is drawn and recorded for reproducibility.
        var entity = await host.GetJobAsync(result.Name);
        Assert.NotNull(entity.Seed);
        Assert.True(entity.Seed >= 0);
    }

    [Fact]
    public async Task Seed_of_the_parameters_document_is_recorded()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var standard = await host.CreateJobAsync(alice, set, "standard");
        var privacy = await host.CreateJobAsync(alice, set, "privacy_metrics", standard);
        Assert.Equal(42, (await host.GetJobAsync(privacy)).Seed);
    }

    [Fact]
    public async Task Unknown_or_foreign_set_is_404_and_unknown_parameters_is_422()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var bob = await host.AddUserAsync("bob");
        var set = await host.AddSetAsync(alice, TestSets.Iris);

        Assert.Equal(404, (await Assert.ThrowsAsync<ApiException>(() => host.CreateAsync(bob, set, "standard"))).StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<ApiException>(() => host.CreateAsync(alice, Guid.NewGuid(), "standard"))).StatusCode);

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => host.CreateAsync(alice, set, "schema"));
        Assert.Equal(["body", "parameters_name"], error.Issues[0].Loc);
        error = await Assert.ThrowsAsync<ApiValidationException>(() => host.CreateAsync(alice, set, "nothing"));
        Assert.Equal(["body", "parameters_name"], error.Issues[0].Loc);
    }

    [Fact]
    public async Task Depends_on_accepts_names_locations_urls_and_vendor_paths()
    {
        await using var host = await JobsTestHost.CreateAsync(o => o.Jobs.DedupWindow = TimeSpan.Zero);
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var standard = await host.CreateJobAsync(alice, set, "standard");
        foreach (var reference in new[] { $"{standard:D}", $"/api/jobs/{standard:D}", $"https://example.com/base/api/jobs/{standard:D}", $"/jobs/{standard:D}" })
        {
            var created = await host.CreateAsync(alice, set, "privacy_metrics", [reference]);
            var job = await host.GetJobAsync(created.Name);
            Assert.Equal(standard, Assert.Single(job.DependsOn).ParentName);
        }

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => host.CreateAsync(alice, set, "privacy_metrics", ["garbage"]));
        Assert.Equal(["body", "depends_on", 0], error.Issues[0].Loc);
        error = await Assert.ThrowsAsync<ApiValidationException>(() => host.CreateAsync(alice, set, "privacy_metrics", [$"{standard:D}", $"/jobs/{standard:D}"]));
        Assert.Equal(["body", "depends_on", 1], error.Issues[0].Loc);
        Assert.Equal(404, (await Assert.ThrowsAsync<ApiException>(() => host.CreateAsync(alice, set, "privacy_metrics", [Guid.NewGuid().ToString()]))).StatusCode);
    }

    [Fact]
    public async Task Dependency_rules_per_kind()
    {
        await using var host = await JobsTestHost.CreateAsync(o => o.Jobs.DedupWindow = TimeSpan.Zero);
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var standard = await host.CreateJobAsync(alice, set, "standard");
        var other = await host.CreateJobAsync(alice, set, "standard");

        async Task Rejected(string parameters, params Guid[] parents)
        {
            var error = await Assert.ThrowsAsync<ApiValidationException>(() => host.CreateJobAsync(alice, set, parameters, parents));
            Assert.Equal(["body", "depends_on"], error.Issues[0].Loc);
        }

        // standard and advice: no parents.
        await Rejected("standard", standard);
        await Rejected("advice", standard);
        await host.CreateJobAsync(alice, set, "advice");

        // metrics: exactly one standard job (the avatars are computed).
        await Rejected("privacy_metrics");
        await Rejected("signal_metrics", standard, other);
        var privacy = await host.CreateJobAsync(alice, set, "privacy_metrics", standard);
        var signal = await host.CreateJobAsync(alice, set, "signal_metrics", standard);
        await Rejected("signal_metrics", privacy);

        // report: one privacy and one signal job on the same standard job.
        await Rejected("report", privacy);
        await Rejected("report", privacy, standard);
        var report = await host.CreateJobAsync(alice, set, "report", privacy, signal);
        Assert.Equal("report", (await host.GetJobAsync(report)).Kind);
        var otherSignal = await host.CreateJobAsync(alice, set, "signal_metrics", other);
        await Rejected("report", privacy, otherSignal);
    }

    [Fact]
    public async Task Metrics_without_parent_when_the_user_supplied_the_avatars()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.IrisWithAvatars);
        var privacy = await host.CreateJobAsync(alice, set, "privacy_metrics");
        var signal = await host.CreateJobAsync(alice, set, "signal_metrics");
        await host.CreateJobAsync(alice, set, "report", privacy, signal);
    }

    [Fact]
    public async Task Metrics_parent_may_run_an_earlier_set_but_must_cover_every_table()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var v1 = await host.AddSetAsync(alice, TestSets.Iris);
        var v2 = await host.AddSetAsync(alice, TestSets.Iris);
        var wide = await host.AddSetAsync(alice, TestSets.TwoTables);
        var standard = await host.CreateJobAsync(alice, v1, "standard");

        await host.CreateJobAsync(alice, v2, "privacy_metrics", standard);
        var error = await Assert.ThrowsAsync<ApiValidationException>(() => host.CreateJobAsync(alice, wide, "privacy_metrics", standard));
        Assert.Contains("'extra'", error.Issues[0].Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_job_cannot_be_a_parent()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var bob = await host.AddUserAsync("bob");
        var aliceSet = await host.AddSetAsync(alice, TestSets.Iris);
        var bobSet = await host.AddSetAsync(bob, TestSets.Iris);
        var standard = await host.CreateJobAsync(alice, aliceSet, "standard");
        var error = await Assert.ThrowsAsync<ApiException>(() => host.CreateJobAsync(bob, bobSet, "privacy_metrics", standard));
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Parent_already_failed_creates_the_job_as_parent_error()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var standard = await host.CreateJobAsync(alice, set, "standard");
        await host.WithJobsAsync(alice, s => s.CancelAsync(alice, standard.ToString(), CancellationToken.None));

        var privacy = await host.CreateJobAsync(alice, set, "privacy_metrics", standard);
        var job = await host.WithJobsAsync(alice, s => s.GetAsync(alice, privacy.ToString(), CancellationToken.None));
        Assert.Equal("parent_error", job.Status);
        Assert.True(job.Done);
        Assert.Equal($"parent job {standard:D} ended with status cancelled", job.Exception);
        Assert.NotNull(job.FinishedAt);
    }

    [Fact]
    public async Task Active_job_limit_is_429_with_retry_after()
    {
        await using var host = await JobsTestHost.CreateAsync(o =>
        {
            o.Limits.MaxActiveJobsPerUser = 2;
            o.Jobs.DedupWindow = TimeSpan.Zero;
        });
        var alice = await host.AddUserAsync("alice");
        var bob = await host.AddUserAsync("bob");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var first = await host.CreateJobAsync(alice, set, "standard");
        await host.CreateJobAsync(alice, set, "standard");
        var error = await Assert.ThrowsAsync<ApiException>(() => host.CreateJobAsync(alice, set, "standard"));
        Assert.Equal(429, error.StatusCode);
        Assert.Equal("rate_limited", error.Code);
        Assert.True(error.RetryAfterSeconds > 0);

        // Other users are not affected; an ended job frees a slot.
        await host.CreateJobAsync(bob, await host.AddSetAsync(bob, TestSets.Iris), "standard");
        await host.WithJobsAsync(alice, s => s.CancelAsync(alice, first.ToString(), CancellationToken.None));
        await host.CreateJobAsync(alice, set, "standard");
    }

    [Fact]
    public async Task Idempotency_key_replays_rejects_other_bodies_and_reports_in_progress()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var bob = await host.AddUserAsync("bob");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var bobSet = await host.AddSetAsync(bob, TestSets.Iris);

        var first = await host.CreateAsync(alice, set, "standard", idempotencyKey: "k1");
        var again = await host.CreateAsync(alice, set, "standard", idempotencyKey: "k1");
        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Name, again.Name);

        var reused = await Assert.ThrowsAsync<ApiException>(() => host.CreateAsync(alice, set, "advice", idempotencyKey: "k1"));
        Assert.Equal(422, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", reused.Code);

        // Keys are per user.
        Assert.False((await host.CreateAsync(bob, bobSet, "standard", idempotencyKey: "k1")).Replayed);

        // Distinct keys start identical jobs even within the dedup window.
        var second = await host.CreateAsync(alice, set, "standard", idempotencyKey: "k2");
        Assert.False(second.Replayed);
        Assert.NotEqual(first.Name, second.Name);
    }

    [Fact]
    public async Task Idempotent_request_in_progress_is_409()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);

        // Record what the first request stored while it runs: same body hash, no job yet.
        var created = await host.CreateAsync(alice, set, "standard", idempotencyKey: "k");
        await host.WithDbAsync(db => db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.Key == "k")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.JobName, (Guid?)null)));
        var busy = await Assert.ThrowsAsync<ApiException>(() => host.CreateAsync(alice, set, "standard", idempotencyKey: "k"));
        Assert.Equal(409, busy.StatusCode);
        Assert.NotEqual(Guid.Empty, created.Name);
    }

    [Fact]
    public async Task Failed_request_releases_its_idempotency_key()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        await Assert.ThrowsAsync<ApiValidationException>(() => host.CreateAsync(alice, set, "standard", [Guid.NewGuid().ToString()[..5]], "k"));
        Assert.Equal(0, await host.WithDbAsync(db => db.IdempotencyRecords.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Identical_request_within_the_dedup_window_returns_the_same_job()
    {
        await using var host = await JobsTestHost.CreateAsync(o => o.Jobs.DedupWindow = TimeSpan.FromMinutes(1));
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);
        var standard = await host.CreateJobAsync(alice, set, "standard");
        var replay = await host.CreateAsync(alice, set, "standard");
        Assert.True(replay.Replayed);
        Assert.Equal(standard, replay.Name);

        // Same parents in another shape: still the same request.
        var privacy = await host.CreateAsync(alice, set, "privacy_metrics", [standard.ToString()]);
        var privacyAgain = await host.CreateAsync(alice, set, "privacy_metrics", [$"/api/jobs/{standard:D}"]);
        Assert.Equal(privacy.Name, privacyAgain.Name);
        Assert.True(privacyAgain.Replayed);

        // A cancelled job is not reused.
        await host.WithJobsAsync(alice, s => s.CancelAsync(alice, standard.ToString(), CancellationToken.None));
        var fresh = await host.CreateAsync(alice, set, "standard");
        Assert.False(fresh.Replayed);
        Assert.NotEqual(standard, fresh.Name);
    }
}
