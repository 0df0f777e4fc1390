using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Client.Tests.Fakes;

namespace Avatars.Client.Tests.Manager;

/// <summary>The vendor's tests/unit/test_manager.py, adapted (sdk.md §3).</summary>
public sealed class AvatarManagerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FakeApiClient WithJobs(int count)
    {
        var fake = new FakeApiClient();
        for (var i = 1; i <= count; i++)
        {
            fake.JobList.Add(FakeApiClient.Job($"job-{i}", new JobCreateRequest("set", "standard"), JobStatus.Finished, 1.0, string.Empty));
        }

        return fake;
    }

    [Fact]
    public async Task Last_results_returns_one_item_per_job()
    {
        var fake = WithJobs(3);
        // The listed jobs must exist for GET /results: create them through the fake.
        var created = await fake.CreateJobAsync(new JobCreateRequest("set", "standard"), Ct);
        fake.JobList.Add(FakeApiClient.Job(created.Name, new JobCreateRequest("set", "standard"), JobStatus.Finished, 1.0, string.Empty));
        using var manager = new AvatarManager(fake);
        var results = await manager.GetLastResultsAsync(1, Ct);
        Assert.Contains("shuffled", Assert.Single(results).Keys);
        Assert.Contains("GET /results/" + created.Name, fake.Calls);
    }

    [Fact]
    public async Task Last_jobs_are_the_newest_oldest_first_and_count_must_be_positive()
    {
        using var manager = new AvatarManager(WithJobs(5));
        Assert.Equal(["job-4", "job-5"], (await manager.GetLastJobsAsync(2, Ct)).Keys);
        Assert.Equal(5, (await manager.GetLastJobsAsync(10, Ct)).Count);
        Assert.Contains("GET /jobs?limit=1000&desc=True", (await WithJobsAsync(1200)).Calls);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => manager.GetLastJobsAsync(0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => manager.GetLastResultsAsync(0, Ct));
    }

    private static async Task<FakeApiClient> WithJobsAsync(int count)
    {
        var fake = WithJobs(3);
        using var manager = new AvatarManager(fake);
        await manager.GetLastJobsAsync(count, Ct);
        return fake;
    }

    [Fact]
    public void Create_runner_returns_a_runner_on_the_managers_client()
    {
        using var manager = new AvatarManager(new FakeApiClient());
        var runner = manager.CreateRunner("iris_k5", seed: 3);
        Assert.Equal("iris_k5", runner.DisplayName);
        Assert.Equal(3, runner.Config.Seed);
        Assert.Null(runner.SetName);
        Assert.Throws<ArgumentException>(() => manager.CreateRunner("a/b"));
    }

    [Fact]
    public async Task Create_runner_from_yaml_loads_the_tables_and_parameters()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yaml");
        await File.WriteAllTextAsync(path, Runner.RunnerFixtures.ReadGolden("single-table-1.0.8.yaml"), Ct);
        try
        {
            using var manager = new AvatarManager(new FakeApiClient());
            var runner = await manager.CreateRunnerFromYamlAsync(path, "from_yaml", Ct);
            Assert.Equal(["iris"], runner.Config.TableNames);
            Assert.Equal(5, runner.Config.GetAvatarization("iris")!.K);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Authentication_password_change_and_health_go_to_the_client()
    {
        var fake = new FakeApiClient();
        using var manager = new AvatarManager(fake);
        await manager.AuthenticateAsync("user", "password", Ct);
        Assert.NotNull(manager.AuthClient.AuthTokens);
        await manager.ChangePasswordAsync("password", "a-new-long-password", Ct);
        Assert.Equal(("password", "a-new-long-password"), Assert.Single(fake.PasswordChanges));
        Assert.Equal("ok", (await manager.GetHealthAsync(Ct)).Message);
    }

    [Fact]
    public async Task An_api_key_needs_no_login_and_the_manager_builds_its_own_client()
    {
        using var manager = new AvatarManager(new AvatarsClientOptions { BaseUrl = new Uri("http://localhost:8000/api"), ApiKey = "key" });
        Assert.IsType<AvatarsApiClient>(manager.AuthClient);
        await manager.AuthenticateAsync(Ct);
        Assert.Null(manager.AuthClient.AuthTokens);
        using var byUrl = new AvatarManager(new Uri("http://localhost:8000/api"));
        Assert.Equal("http://localhost:8000/api", byUrl.AuthClient.Options.BaseUrl.ToString());
    }
}
