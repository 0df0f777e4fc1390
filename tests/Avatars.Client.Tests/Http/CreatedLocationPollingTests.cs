using System.Diagnostics;
using System.Net;
using Avatars.Client.Http;
using Avatars.Client.Models;

namespace Avatars.Client.Tests.Http;

/// <summary>sdk.md §5.3 #9 and #10: a 201 with a Location header is followed (GET while 202), except for job and API-key creation.</summary>
public sealed class CreatedLocationPollingTests
{
    private const string UserId = "0b7d6c7e-2f3a-4c61-9a0e-5d7c1f2b8e11";

    private const string CreatedUserJson = """{"id":"0b7d6c7e-2f3a-4c61-9a0e-5d7c1f2b8e11","organization_id":"00000000-0000-0000-0000-000000000001","username":"pending","email":null,"role":"user","disabled":false,"created_at":"2026-01-05T10:00:00Z"}""";

    private const string CreatedApiKeyJson = """{"api_key":{"id":"5e3c1d2a-7b4f-4e6a-9c8d-1f2e3a4b5c6d","name":"ci","prefix":"avk_1234","created_at":"2026-01-05T10:00:00Z","expires_at":"2026-02-04T10:00:00Z","revoked_at":null,"last_used_at":null,"plaintext":"avk_1234_secret"},"message":"Copy the key now"}""";

    private static readonly CreateUserRequest NewUser = new("user", "correct horse battery", "user@example.com");

    private static HttpResponseMessage Created(string location) =>
        StubHandler.Json(HttpStatusCode.Created, CreatedUserJson, ("Location", location));

    private static HttpResponseMessage Accepted() => StubHandler.Json(HttpStatusCode.Accepted, """{"status":"pending"}""");

    [Fact]
    public async Task A_created_location_is_polled_while_202_and_the_final_body_is_returned()
    {
        var interval = TimeSpan.FromMilliseconds(20);
        var stub = new StubHandler((_, i) => i switch
        {
            0 => Created($"/api/users/{UserId}"),
            1 or 2 => Accepted(),
            _ => StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson),
        });
        using var client = TestClients.Create(stub, o => { o.ApiKey = "k"; o.PollInterval = interval; });
        var watch = Stopwatch.StartNew();
        var user = await client.Users.CreateUserAsync(NewUser, TestContext.Current.CancellationToken);
        watch.Stop();

        Assert.Equal("user", user.Username);
        Assert.Equal(4, stub.Requests.Count);
        Assert.Equal(HttpMethod.Post, stub.Requests[0].Method);
        Assert.All(stub.Requests.Skip(1), r =>
        {
            Assert.Equal(HttpMethod.Get, r.Method);
            Assert.Equal($"http://localhost:8000/api/users/{UserId}", r.Uri.AbsoluteUri);
            Assert.Equal("api-key-v1 k", r.Authorization);
        });
        Assert.True(watch.Elapsed >= interval * 1.5, $"expected two waits of {interval}, took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_root_relative_location_is_resolved_against_the_origin()
    {
        var stub = new StubHandler((_, i) => i == 0 ? Created("/api/jobs/j") : StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson));
        using var client = TestClients.Create(stub, o => { o.BaseUrl = new Uri("http://x/api"); o.ApiKey = "k"; o.PollInterval = TimeSpan.FromMilliseconds(1); });
        await client.Users.CreateUserAsync(NewUser, TestContext.Current.CancellationToken);

        Assert.Equal("http://x/api/users", stub.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("http://x/api/jobs/j", stub.Requests[1].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task An_absolute_location_is_used_as_is()
    {
        var stub = new StubHandler((_, i) => i == 0 ? Created("http://x/elsewhere/u1?v=2") : StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson));
        using var client = TestClients.Create(stub, o => { o.BaseUrl = new Uri("http://x/api"); o.ApiKey = "k"; });
        await client.Users.CreateUserAsync(NewUser, TestContext.Current.CancellationToken);

        Assert.Equal("http://x/elsewhere/u1?v=2", stub.Requests[1].Uri.AbsoluteUri);
        Assert.Equal("api-key-v1 k", stub.Requests[1].Authorization);
    }

    [Fact]
    public async Task A_location_on_another_origin_is_followed_without_credentials()
    {
        var stub = new StubHandler((_, i) => i == 0 ? Created("https://other.example/users/u1") : StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson));
        using var client = TestClients.Create(stub, o => o.ApiKey = "k");
        await client.Users.CreateUserAsync(NewUser, TestContext.Current.CancellationToken);

        Assert.Equal("https://other.example/users/u1", stub.Requests[1].Uri.AbsoluteUri);
        Assert.Null(stub.Requests[1].Authorization);
    }

    [Fact]
    public async Task An_error_status_while_polling_throws_an_api_exception()
    {
        var stub = new StubHandler((_, i) => i switch
        {
            0 => Created($"/api/users/{UserId}"),
            1 => Accepted(),
            _ => StubHandler.Json(HttpStatusCode.NotFound, """{"detail":{"message":"User not found","code":"not_found"}}"""),
        });
        using var client = TestClients.Create(stub, o => { o.ApiKey = "k"; o.PollInterval = TimeSpan.FromMilliseconds(1); });
        var error = await Assert.ThrowsAsync<AvatarsApiException>(() => client.Users.CreateUserAsync(NewUser, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("not_found", error.ErrorCode);
        Assert.Contains($"get /users/{UserId}", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_while_polling_stops_the_wait()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stub = new StubHandler((_, i) =>
        {
            if (i == 0)
            {
                return Created($"/api/users/{UserId}");
            }

            cts.CancelAfter(TimeSpan.FromMilliseconds(50));
            return Accepted();
        });
        using var client = TestClients.Create(stub, o => { o.ApiKey = "k"; o.PollInterval = TimeSpan.FromMinutes(10); });
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Users.CreateUserAsync(NewUser, cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1));
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_201_without_location_returns_its_body()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, CreatedUserJson));
        using var client = TestClients.Create(stub, o => o.ApiKey = "k");
        var user = await client.Users.CreateUserAsync(NewUser, TestContext.Current.CancellationToken);

        Assert.Equal("pending", user.Username);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Job_creation_is_not_followed()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, """{"name":"j1","Location":"/api/jobs/j1"}""", ("Location", "/api/jobs/j1")));
        using var client = TestClients.Create(stub, o => o.ApiKey = "k");
        var created = await client.Jobs.CreateJobAsync(new JobCreateRequest("6b2f", "standard"), TestContext.Current.CancellationToken);
        var again = await client.CreateJobAsync(new JobCreateRequest("6b2f", "standard"), TestContext.Current.CancellationToken);

        Assert.Equal(new JobCreateResponse("j1", "/api/jobs/j1"), created);
        Assert.Equal(created, again);
        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal(HttpMethod.Post, r.Method));
    }

    [Fact]
    public async Task Api_key_creation_keeps_its_body_with_the_plaintext()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Created, CreatedApiKeyJson, ("Location", "/api/api-keys/5e3c1d2a-7b4f-4e6a-9c8d-1f2e3a4b5c6d")));
        using var client = TestClients.Create(stub, o => o.ApiKey = "k");
        var created = await client.ApiKeys.CreateAsync("ci", 30, TestContext.Current.CancellationToken);

        Assert.Equal("avk_1234_secret", created.Plaintext);
        Assert.Single(stub.Requests);
    }
}
