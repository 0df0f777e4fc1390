using System.Globalization;
using System.Net;
using System.Text;
using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Client.Tests.Http;

/// <summary>The API client against a real server started in-process on a loopback port.</summary>
public sealed class ServerIntegrationTests
{
    private const string AdminPassword = "admin-password-for-sdk-tests";

    private const string Yaml = """
        kind: AvatarSchema
        metadata:
          name: schema
        spec:
          tables:
          - name: table
            data:
              volume: input
              file: table.csv
            columns:
            - field: a
              type: float
            - field: b
              type: int
            - field: c
              type: category

        ---
        kind: AvatarSchema
        metadata:
          name: schema_avatarized
        spec:
          tables:
          - name: table
            avatars_data:
              auto: true
          schema_ref: schema

        ---
        kind: AvatarParameters
        metadata:
          name: standard
        spec:
          schema: schema
          avatarization:
            table:
              k: 5
          results:
            volume: results
            path: standard
        """;

    [Fact]
    public async Task Upload_resource_set_job_results_and_download_through_signed_urls()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = TempFolder();
        try
        {
            await using var server = await StartAsync(directory, accessTokenLifetime: null, ct);
            using var client = new AvatarsApiClient(ClientOptions(server));
            await client.AuthenticateAsync("admin", AdminPassword, ct);

            using (var csv = new MemoryStream(Encoding.UTF8.GetBytes(Csv())))
            {
                var key = await client.UploadFileAsync("table.csv", csv, cancellationToken: ct);
                Assert.EndsWith("/input/table.csv", key, StringComparison.Ordinal);
            }

            var set = await client.PutResourcesAsync("table_k5", Yaml, ct);
            Assert.Equal("table_k5", set.DisplayName);
            Assert.Equal(1, set.Version);
            Assert.Equal(set.SetName, (await client.Resources.ListResourcesAsync("table_k5", cancellationToken: ct)).Sets.Single().SetName);
            Assert.Contains("k: 5", await client.Resources.GetResourcesAsync(set.SetName, ct), StringComparison.Ordinal);

            var created = await client.CreateJobAsync(new JobCreateRequest(set.SetName, "standard"), ct);
            Assert.Equal("/api/jobs/" + created.Name, created.Location);
            var job = await WaitAsync(client, created.Name, ct);
            Assert.True(job.Status == JobStatus.Finished, $"status {job.Status}: {job.Exception}");
            Assert.Equal(set.SetName, job.SetName);
            Assert.Contains((await client.GetJobsAsync(new JobListQuery { Kinds = [JobKind.Standard], Descending = true }, ct)).Jobs, j => j.Name == created.Name);

            var results = await client.GetResultsAsync(created.Name, ct);
            var url = results["shuffled"].Single();
            Assert.Equal("table.shuffled-0.csv", AvatarsApiClient.FileNameOf(url));
            var lines = Encoding.UTF8.GetString(await client.DownloadFileAsync(url, ct)).TrimEnd('\n').Split('\n');
            Assert.Equal("a,b,c", lines[0]);
            Assert.Equal(61, lines.Length);

            // A 422 carries the server's message.
            var invalid = Yaml.Replace("file: table.csv", "file: missing.csv", StringComparison.Ordinal);
            var error = await Assert.ThrowsAsync<AvatarsApiException>(() => client.PutResourcesAsync("broken", invalid, ct));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
            Assert.Equal("PUT", error.Method);
            Assert.Equal("/resources/broken", error.RequestPath);
            Assert.Contains("missing.csv", error.ServerMessage, StringComparison.Ordinal);
            Assert.StartsWith("Got error in HTTP request: put /resources/broken. Error status 422 - ", error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.RequestId);

            // An unknown job: 404 with the server's code.
            var missing = await Assert.ThrowsAsync<AvatarsApiException>(() => client.GetJobAsync("no-such-job", ct));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

            // API keys: created with the password session, then used alone.
            var apiKey = await client.ApiKeys.CreateAsync("ci", 30, ct);
            using var keyClient = new AvatarsApiClient(ClientOptions(server, apiKey.Plaintext));
            Assert.Equal("admin", (await keyClient.GetMeAsync(ct)).Username);
            Assert.Equal("compatible", (await keyClient.CheckClientAsync(ct)).Status);
        }
        finally
        {
            DeleteQuietly(directory);
        }
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_transparently()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = TempFolder();
        try
        {
            await using var server = await StartAsync(directory, TimeSpan.FromSeconds(3), ct);
            using var client = new AvatarsApiClient(ClientOptions(server));
            await client.AuthenticateAsync("admin", AdminPassword, ct);
            var before = client.AuthTokens!;
            Assert.Equal("admin", (await client.GetMeAsync(ct)).Username);

            await Task.Delay(TimeSpan.FromSeconds(4), ct);
            Assert.Equal("admin", (await client.GetMeAsync(ct)).Username);

            var after = client.AuthTokens!;
            Assert.NotEqual(before.Access, after.Access);
            Assert.NotEqual(before.Refresh, after.Refresh);

            // The spent refresh token is refused with invalid_refresh_token, never "credentials expired".
            var error = await Assert.ThrowsAsync<AvatarsApiException>(() => client.Auth.RefreshAsync(before.Refresh!, ct));
            Assert.Equal("invalid_refresh_token", error.ErrorCode);
        }
        finally
        {
            DeleteQuietly(directory);
        }
    }

    private static AvatarsClientOptions ClientOptions(AvatarsServer server, string? apiKey = null) => new()
    {
        BaseUrl = new Uri(server.BaseAddress + "api"),
        ApiKey = apiKey,
        Timeout = TimeSpan.FromSeconds(60),
        MaxRetries = 2,
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
    };

    private static Task<AvatarsServer> StartAsync(string directory, TimeSpan? accessTokenLifetime, CancellationToken ct)
    {
        var options = new AvatarsServerOptions { Urls = "http://127.0.0.1:0", DataDirectory = directory, Bootstrap = { AdminPassword = AdminPassword } };
        if (accessTokenLifetime is { } lifetime)
        {
            options.Auth.AccessTokenLifetime = lifetime;
        }

        return AvatarsServer.StartAsync(options, logging => logging.SetMinimumLevel(LogLevel.Warning), ct);
    }

    private static async Task<JobResponse> WaitAsync(AvatarsApiClient client, string jobName, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        var job = await client.GetJobAsync(jobName, ct);
        while (!job.Done)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"job {jobName} still {job.Status} after 3 minutes");
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            job = await client.GetJobAsync(jobName, ct);
        }

        return job;
    }

    /// <summary>60 deterministic rows: two numeric columns and a three-level category.</summary>
    private static string Csv()
    {
        var builder = new StringBuilder("a,b,c\n");
        for (var i = 0; i < 60; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{(i * 0.5) + ((i * 7) % 11):0.0},{(i * 13) % 17},{"xyz"[i % 3]}\n");
        }

        return builder.ToString();
    }

    private static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "avatars-client-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: harmless if something still holds a file.
        }
    }
}
