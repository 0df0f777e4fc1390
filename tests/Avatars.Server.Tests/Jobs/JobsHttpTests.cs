// HTTP-level tests of the jobs and results endpoints. Not compiled until authentication, storage and resource sets
// are merged: rename to JobsHttpTests.cs then. They use only the public HTTP API of a real in-process server.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Jobs;

public sealed class JobsHttpTests
{
    private const string IrisCsv = "sepal.length,sepal.width,petal.length,petal.width,variety\n5.1,3.5,1.4,0.2,Setosa\n4.9,3,1.4,0.2,Setosa\n6.3,3.3,6,2.5,Virginica\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_answers_201_with_location_and_the_job_reads_back_in_the_documented_shape()
    {
        await using var server = await TestServer.StartAsync(o => o.Workers.Enabled = false);
        var http = await LoginAsync(server, "admin", TestServer.AdminPassword);
        var set = await PutSetAsync(server, http);

        var response = await PostJobAsync(http, new { set_name = set, parameters_name = "standard" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var name = body.GetProperty("name").GetString()!;
        Assert.Equal($"/api/jobs/{name}", body.GetProperty("Location").GetString());
        Assert.Equal($"/api/jobs/{name}", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));

        var job = await JsonAsync(await http.GetAsync($"api/jobs/{name}", Ct));
        Assert.Equal("standard", job.GetProperty("kind").GetString());
        Assert.Equal("pending", job.GetProperty("status").GetString());
        Assert.False(job.GetProperty("done").GetBoolean());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("progress").ValueKind);
        Assert.Equal(string.Empty, job.GetProperty("exception").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("started_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("finished_at").ValueKind);
        Assert.EndsWith("Z", job.GetProperty("created_at").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, job.GetProperty("depends_on").GetArrayLength());

        var list = await JsonAsync(await http.GetAsync("api/jobs?kind=standard&status=pending&order=desc&limit=10", Ct));
        Assert.Equal(name, list.GetProperty("jobs")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task Location_carries_the_public_base_path()
    {
        await using var server = await TestServer.StartAsync(o =>
        {
            o.Workers.Enabled = false;
            o.PublicBaseUrl = "https://avatars.example.com/proxy";
        });
        var http = await LoginAsync(server, "admin", TestServer.AdminPassword);
        var set = await PutSetAsync(server, http);
        var response = await PostJobAsync(http, new { set_name = set, parameters_name = "standard" });
        var name = (await JsonAsync(response)).GetProperty("name").GetString();
        Assert.Equal($"/proxy/api/jobs/{name}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Idempotency_key_replays_and_rejects_a_different_body()
    {
        await using var server = await TestServer.StartAsync(o => o.Workers.Enabled = false);
        var http = await LoginAsync(server, "admin", TestServer.AdminPassword);
        var set = await PutSetAsync(server, http);

        var first = await PostJobAsync(http, new { set_name = set, parameters_name = "standard" }, "key-1");
        var again = await PostJobAsync(http, new { set_name = set, parameters_name = "standard" }, "key-1");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await JsonAsync(first)).GetProperty("name").GetString(), (await JsonAsync(again)).GetProperty("name").GetString());

        var other = await PostJobAsync(http, new { set_name = set, parameters_name = "advice" }, "key-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("idempotency_key_reused", (await JsonAsync(other)).GetProperty("detail").GetProperty("code").GetString());

        // Without a key, an identical request within the dedup window is replayed too.
        var dedup = await PostJobAsync(http, new { set_name = set, parameters_name = "standard" });
        Assert.Equal("true", dedup.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Validation_errors_and_limits_use_the_api_shapes()
    {
        await using var server = await TestServer.StartAsync(o =>
        {
            o.Workers.Enabled = false;
            o.Limits.MaxActiveJobsPerUser = 1;
        });
        var http = await LoginAsync(server, "admin", TestServer.AdminPassword);
        var set = await PutSetAsync(server, http);

        var unknownSet = await PostJobAsync(http, new { set_name = Guid.NewGuid(), parameters_name = "standard" });
        Assert.Equal(HttpStatusCode.NotFound, unknownSet.StatusCode);

        var badParameters = await JsonAsync(await PostJobAsync(http, new { set_name = set, parameters_name = "schema" }));
        Assert.Equal("parameters_name", badParameters.GetProperty("detail")[0].GetProperty("loc")[1].GetString());

        var badDependency = await JsonAsync(await PostJobAsync(http, new { set_name = set, parameters_name = "privacy_metrics" }));
        Assert.Equal("depends_on", badDependency.GetProperty("detail")[0].GetProperty("loc")[1].GetString());

        Assert.Equal(HttpStatusCode.Created, (await PostJobAsync(http, new { set_name = set, parameters_name = "standard" })).StatusCode);
        var limited = await PostJobAsync(http, new { set_name = set, parameters_name = "advice" });
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("rate_limited", (await JsonAsync(limited)).GetProperty("detail").GetProperty("code").GetString());

        var badLimit = await http.GetAsync("api/jobs?limit=1001", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLimit.StatusCode);
    }

    [Fact]
    public async Task Cancel_then_409_and_results_of_an_unfinished_job_are_409()
    {
        await using var server = await TestServer.StartAsync(o => o.Workers.Enabled = false);
        var http = await LoginAsync(server, "admin", TestServer.AdminPassword);
        var set = await PutSetAsync(server, http);
        var name = (await JsonAsync(await PostJobAsync(http, new { set_name = set, parameters_name = "standard" }))).GetProperty("name").GetString();

        var results = await http.GetAsync($"api/results/{name}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
        var detail = (await JsonAsync(results)).GetProperty("detail");
        Assert.Equal("job_not_finished", detail.GetProperty("code").GetString());
        Assert.Equal("job is not finished (status: pending)", detail.GetProperty("message").GetString());

        var cancelled = await JsonAsync(await http.DeleteAsync($"api/jobs/{name}", Ct));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("cancelled by user", cancelled.GetProperty("exception").GetString());
        Assert.True(cancelled.GetProperty("done").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await http.DeleteAsync($"api/jobs/{name}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Another_user_gets_404_for_jobs_and_results_and_cannot_depend_on_them()
    {
        await using var server = await TestServer.StartAsync(o => o.Workers.Enabled = false);
        var admin = await LoginAsync(server, "admin", TestServer.AdminPassword);
        var created = await admin.PostAsJsonAsync("api/users", new { username = "bob", password = "bob-password-123" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bob = await LoginAsync(server, "bob", "bob-password-123");

        var set = await PutSetAsync(server, admin);
        var name = (await JsonAsync(await PostJobAsync(admin, new { set_name = set, parameters_name = "standard" }))).GetProperty("name").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"api/jobs/{name}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"api/jobs/{name}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"api/results/{name}", Ct)).StatusCode);
        Assert.Equal(0, (await JsonAsync(await bob.GetAsync("api/jobs", Ct))).GetProperty("jobs").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync("api/jobs?all_users=true", Ct)).StatusCode);

        var bobSet = await PutSetAsync(server, bob);
        var dependent = await PostJobAsync(bob, new { set_name = bobSet, parameters_name = "privacy_metrics", depends_on = new[] { $"/api/jobs/{name}" } });
        Assert.Equal(HttpStatusCode.NotFound, dependent.StatusCode);
    }

    [Fact]
    public async Task End_to_end_standard_job_finishes_and_lists_signed_result_urls()
    {
        // Needs the runners: the standard job really runs.
        await using var server = await TestServer.StartAsync();
        var http = await LoginAsync(server, "admin", TestServer.AdminPassword);
        var set = await PutSetAsync(server, http);
        var name = (await JsonAsync(await PostJobAsync(http, new { set_name = set, parameters_name = "standard" }))).GetProperty("name").GetString();

        JsonElement job;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(200, Ct);
            job = await JsonAsync(await http.GetAsync($"api/jobs/{name}", Ct));
        }
        while (!job.GetProperty("done").GetBoolean() && DateTime.UtcNow < deadline);

        Assert.Equal("finished", job.GetProperty("status").GetString());
        var results = await JsonAsync(await http.GetAsync($"api/results/{name}", Ct));
        var shuffled = results.GetProperty("shuffled")[0].GetString()!;
        using var anonymous = new HttpClient();
        var file = await anonymous.GetAsync(shuffled, Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    private static async Task<HttpClient> LoginAsync(TestServer server, string username, string password)
    {
        var response = await server.Http.PostAsync(
            "api/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = username, ["password"] = password }),
            Ct);
        response.EnsureSuccessStatusCode();
        var token = (await JsonAsync(response)).GetProperty("access_token").GetString();
        var http = new HttpClient { BaseAddress = server.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Uploads iris.csv and PUTs a set with every parameters kind; returns its set_name.</summary>
    private static async Task<string> PutSetAsync(TestServer server, HttpClient http)
    {
        var upload = await JsonAsync(await http.PostAsJsonAsync("api/upload_url", new { file_name = "iris.csv" }, Ct));
        using var storage = new HttpClient();
        var url = upload.GetProperty("url").GetString()!;
        if (server.Options.PublicBaseUrl is { } publicBase)
        {
            // The URL names the public (proxy) address; this test has no proxy, so go to the server directly.
            url = server.Http.BaseAddress + url[(publicBase.TrimEnd('/').Length + 1)..];
        }

        var put = await storage.PutAsync(url, new StringContent(IrisCsv, Encoding.UTF8, "text/csv"), Ct);
        put.EnsureSuccessStatusCode();

        var yaml = """
            kind: AvatarSchema
            metadata:
              name: schema
            spec:
              tables:
              - name: iris
                data:
                  volume: input
                  file: iris.csv
            ---
            kind: AvatarSchema
            metadata:
              name: schema_avatarized
            spec:
              tables:
              - name: iris
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
                iris:
                  k: 2
            ---
            kind: AvatarPrivacyMetricsParameters
            metadata:
              name: privacy_metrics
            spec:
              schema: schema_avatarized
              avatarization_ref: standard
            ---
            kind: AvatarAdviceParameters
            metadata:
              name: advice
            spec:
              schema: schema
              advice:
                advisor_type:
                - parameters
            """;
        var response = await http.PutAsync("api/resources/iris", new StringContent(yaml, Encoding.UTF8, "application/yaml"), Ct);
        response.EnsureSuccessStatusCode();
        _ = server;
        return (await JsonAsync(response)).GetProperty("set_name").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostJobAsync(HttpClient http, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/jobs") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
