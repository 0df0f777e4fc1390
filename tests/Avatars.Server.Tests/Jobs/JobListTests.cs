using Avatars.Server.Api;
using Avatars.Server.Auth;
using Avatars.Server.Jobs;
using Avatars.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Tests.Jobs;

/// <summary><c>GET /api/jobs</c> and <c>GET /api/jobs/{name}</c>: filters, keyset paging, order, isolation.</summary>
public sealed class JobListTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Pages_follow_creation_order_both_ways_including_jobs_created_at_the_same_instant()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var set = await host.AddSetAsync(alice, TestSets.Iris);

        // Seven jobs over four instants, three of them at the same instant.
        var times = new[] { T0, T0.AddSeconds(1), T0.AddSeconds(1), T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(3), T0.AddSeconds(3) };
        var inserted = new List<JobEntity>();
        foreach (var at in times)
        {
            inserted.Add(await InsertAsync(host, alice, set, "standard", "finished", at));
        }

        var expected = inserted.OrderBy(j => j.CreatedAt).ThenBy(j => j.Name.ToString("D"), StringComparer.Ordinal).Select(j => j.Name.ToString("D")).ToList();
        Assert.Equal(expected, await ReadAllAsync(host, alice, limit: 2, order: null));
        Assert.Equal(expected, await ReadAllAsync(host, alice, limit: 1, order: "asc"));
        Assert.Equal(Enumerable.Reverse(expected).ToList(), await ReadAllAsync(host, alice, limit: 3, order: "desc"));

        var all = await host.WithJobsAsync(alice, s => s.ListAsync(alice, new JobListQuery(), CancellationToken.None));
        Assert.Equal(7, all.Jobs.Count);
        Assert.Null(all.NextCursor);
    }

    [Fact]
    public async Task Filters_by_kind_status_set_and_display_name()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var iris = await host.AddSetAsync(alice, TestSets.Iris, "iris");
        var other = await host.AddSetAsync(alice, TestSets.Iris, "other");
        var a = await InsertAsync(host, alice, iris, "standard", "finished", T0);
        var b = await InsertAsync(host, alice, iris, "privacy_metrics", "pending", T0.AddSeconds(1));
        var c = await InsertAsync(host, alice, other, "signal_metrics", "error", T0.AddSeconds(2));
        var d = await InsertAsync(host, alice, other, "standard", "running", T0.AddSeconds(3));

        async Task<IReadOnlyList<Guid>> List(JobListQuery query) =>
            [.. (await host.WithJobsAsync(alice, s => s.ListAsync(alice, query, CancellationToken.None))).Jobs.Select(j => Guid.Parse(j.Name))];

        Assert.Equal([a.Name, d.Name], await List(new JobListQuery { Kinds = ["standard"] }));
        Assert.Equal([a.Name, b.Name, d.Name], await List(new JobListQuery { Kinds = ["standard", "privacy_metrics"] }));
        Assert.Equal([b.Name, c.Name], await List(new JobListQuery { Statuses = ["pending", "error"] }));
        Assert.Equal([c.Name, d.Name], await List(new JobListQuery { SetName = other.ToString() }));
        Assert.Equal([a.Name, b.Name], await List(new JobListQuery { DisplayName = "iris" }));
        Assert.Equal([d.Name], await List(new JobListQuery { DisplayName = "other", Kinds = ["standard"], Statuses = ["running"] }));
        Assert.Empty(await List(new JobListQuery { SetName = "not-a-uuid" }));
    }

    [Theory]
    [InlineData(0, null, null, "limit")]
    [InlineData(1001, null, null, "limit")]
    [InlineData(null, "sideways", null, "order")]
    [InlineData(null, null, "bogus", "cursor")]
    public async Task Invalid_paging_is_422(int? limit, string? order, string? cursor, string field)
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var error = await Assert.ThrowsAsync<ApiValidationException>(() =>
            host.WithJobsAsync(alice, s => s.ListAsync(alice, new JobListQuery { Limit = limit, Order = order, Cursor = cursor }, CancellationToken.None)));
        Assert.Equal(["query", field], error.Issues[0].Loc);
    }

    [Fact]
    public async Task Unknown_kind_or_status_filter_is_422()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        await Assert.ThrowsAsync<ApiValidationException>(() => host.WithJobsAsync(alice, s => s.ListAsync(alice, new JobListQuery { Kinds = ["magic"] }, CancellationToken.None)));
        await Assert.ThrowsAsync<ApiValidationException>(() => host.WithJobsAsync(alice, s => s.ListAsync(alice, new JobListQuery { Statuses = ["done"] }, CancellationToken.None)));
    }

    [Fact]
    public async Task Users_see_only_their_jobs_and_admins_list_everything_on_request()
    {
        await using var host = await JobsTestHost.CreateAsync();
        var alice = await host.AddUserAsync("alice");
        var bob = await host.AddUserAsync("bob");
        var admin = await host.AddUserAsync("root", admin: true);
        var aliceJob = await InsertAsync(host, alice, await host.AddSetAsync(alice, TestSets.Iris), "standard", "pending", T0);
        var bobJob = await InsertAsync(host, bob, await host.AddSetAsync(bob, TestSets.Iris), "standard", "pending", T0.AddSeconds(1));

        var bobList = await host.WithJobsAsync(bob, s => s.ListAsync(bob, new JobListQuery(), CancellationToken.None));
        Assert.Equal([bobJob.Name.ToString("D")], bobList.Jobs.Select(j => j.Name));

        // Another user's job is a 404, whether read or cancelled.
        var read = await Assert.ThrowsAsync<ApiException>(() => host.WithJobsAsync(bob, s => s.GetAsync(bob, aliceJob.Name.ToString(), CancellationToken.None)));
        Assert.Equal(404, read.StatusCode);
        var cancel = await Assert.ThrowsAsync<ApiException>(() => host.WithJobsAsync(bob, s => s.CancelAsync(bob, aliceJob.Name.ToString(), CancellationToken.None)));
        Assert.Equal(404, cancel.StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<ApiException>(() => host.WithJobsAsync(bob, s => s.GetAsync(bob, "nonsense", CancellationToken.None)))).StatusCode);
        Assert.Equal(403, (await Assert.ThrowsAsync<ApiException>(() => host.WithJobsAsync(bob, s => s.ListAsync(bob, new JobListQuery { AllUsers = true }, CancellationToken.None)))).StatusCode);

        // Admins: own jobs by default, every job with all_users=true; they may read and cancel any job.
        Assert.Empty((await host.WithJobsAsync(admin, s => s.ListAsync(admin, new JobListQuery(), CancellationToken.None))).Jobs);
        var everything = await host.WithJobsAsync(admin, s => s.ListAsync(admin, new JobListQuery { AllUsers = true }, CancellationToken.None));
        Assert.Equal([aliceJob.Name.ToString("D"), bobJob.Name.ToString("D")], everything.Jobs.Select(j => j.Name));
        Assert.Equal(alice.Id.ToString("D"), (await host.WithJobsAsync(admin, s => s.GetAsync(admin, aliceJob.Name.ToString(), CancellationToken.None))).UserId);
        Assert.Equal("cancelled", (await host.WithJobsAsync(admin, s => s.CancelAsync(admin, aliceJob.Name.ToString(), CancellationToken.None))).Status);
    }

    private static async Task<List<string>> ReadAllAsync(JobsTestHost host, CurrentUser user, int limit, string? order)
    {
        var names = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            var query = new JobListQuery { Limit = limit, Order = order, Cursor = cursor };
            var result = await host.WithJobsAsync(user, s => s.ListAsync(user, query, CancellationToken.None));
            Assert.True(result.Jobs.Count <= limit);
            names.AddRange(result.Jobs.Select(j => j.Name));
            cursor = result.NextCursor;
            if (cursor is null)
            {
                return names;
            }
        }

        throw new InvalidOperationException("paging does not end");
    }

    private static Task<JobEntity> InsertAsync(JobsTestHost host, CurrentUser user, Guid set, string kind, string status, DateTime createdAt) =>
        host.WithDbAsync(async db =>
        {
            var displayName = (await db.ResourceSets.IgnoreQueryFilters().SingleAsync(s => s.SetName == set)).DisplayName;
            var job = new JobEntity
            {
                Name = Guid.NewGuid(),
                UserId = user.Id,
                SetName = set,
                DisplayName = displayName,
                ParametersName = kind,
                Kind = kind,
                Status = status,
                CreatedAt = createdAt,
            };
            db.Jobs.Add(job);
            await db.SaveChangesAsync();
            return job;
        });
}
