using Avatars.Server.Persistence;
using Avatars.Server.Tests.EndToEnd;
using Avatars.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Tests.Services;

/// <summary>
/// The scaled shape (api.md §22.2): two server processes share one PostgreSQL database, one storage root and one
/// signing secret; jobs submitted to either are claimed exactly once and all finish.
/// </summary>
public sealed class ScaledDeploymentTests
{
    [Fact]
    public async Task Two_instances_share_the_queue_and_run_each_job_once()
    {
        var shared = Path.Combine(Path.GetTempPath(), "avatars-scaled-" + Guid.NewGuid().ToString("N"));
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        string? connection = null;
        void Configure(Avatars.Server.Hosting.AvatarsServerOptions o)
        {
            if (connection is null)
            {
                ServiceBackends.UsePostgres(o);
                connection = o.Database.ConnectionString;
            }
            else
            {
                o.Database.Provider = "postgres";
                o.Database.ConnectionString = connection;
            }

            o.Storage.Local.Root = Path.Combine(shared, "storage");
            o.Security.SigningSecret = secret;
            o.Workers.Concurrency = 2;
        }

        try
        {
            await using var first = await TestServer.StartAsync(Configure);
            await using var second = await TestServer.StartAsync(Configure);
            using var alice = await ApiSession.CreateUserAsync(first, "alice");
            using var aliceOnSecond = await ApiSession.LoginAsync(second, "alice", "password-for-tests");
            await alice.UploadAsync("patients.csv", await FlowData.PatientsCsvAsync(150));
            var set = await alice.PutResourcesAsync("scaled", FlowData.Yaml());

            var jobs = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                var session = i % 2 == 0 ? alice : aliceOnSecond;
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/jobs")
                {
                    Content = System.Net.Http.Json.JsonContent.Create(new { set_name = set, parameters_name = "standard" }),
                };
                request.Headers.Add("Idempotency-Key", $"scaled-{i}");
                using var response = await session.Http.SendAsync(request, TestContext.Current.CancellationToken);
                response.EnsureSuccessStatusCode();
                jobs.Add(System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("name").GetString()!);
            }

            foreach (var job in jobs)
            {
                await alice.WaitForFinishedAsync(job);
            }

            await using var scope = first.Server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
            var attempts = await db.Jobs.IgnoreQueryFilters().Where(j => jobs.Select(Guid.Parse).Contains(j.Name)).Select(j => j.Attempts).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(6, attempts.Count);
            Assert.All(attempts, a => Assert.Equal(1, a));
        }
        finally
        {
            try
            {
                Directory.Delete(shared, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
