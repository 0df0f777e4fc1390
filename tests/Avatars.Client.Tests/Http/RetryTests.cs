using System.Net;
using Avatars.Client.Http;
using Avatars.Client.Models;

namespace Avatars.Client.Tests.Http;

/// <summary>sdk.md §5.3 #3, #4, #12: timeouts, retries on transport errors, Idempotency-Key, 429.</summary>
public sealed class RetryTests
{
    private static readonly HttpResponseMessage Unused = new(HttpStatusCode.OK);

    private static HttpResponseMessage Health() => StubHandler.Json(HttpStatusCode.OK, """{"message":"ok","version":"1.0.0"}""");

    [Fact]
    public async Task A_transport_error_is_retried_then_succeeds_and_is_logged()
    {
        var logs = new RecordingLoggerFactory();
        var stub = new StubHandler((_, i) => i < 2 ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection reset by peer") : Health());
        using var client = TestClients.Create(stub, loggerFactory: logs);
        await client.Health.GetHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, stub.Requests.Count);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning:", StringComparison.Ordinal) && l.Contains("connection reset by peer", StringComparison.Ordinal) && l.Contains("/health", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("Information: Retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_end_as_a_timeout_exception()
    {
        var stub = new StubHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return Unused;
        });
        using var client = TestClients.Create(stub, o => { o.MaxRetries = 1; o.Timeout = TimeSpan.FromMilliseconds(50); });
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.Health.GetHealthAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Timeout waiting for GET on /health", error.Message);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Other_transport_errors_are_rethrown_after_the_last_attempt()
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"));
        using var client = TestClients.Create(stub);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Health.GetHealthAsync(TestContext.Current.CancellationToken));

        Assert.Equal("connection refused", error.Message);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Http_error_statuses_are_not_retried()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.InternalServerError, """{"detail":{"message":"internal error","code":"internal_error"}}"""));
        using var client = TestClients.Create(stub);
        await Assert.ThrowsAsync<AvatarsApiException>(() => client.Health.GetHealthAsync(TestContext.Current.CancellationToken));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Job_creation_is_retried_with_the_same_idempotency_key()
    {
        var stub = new StubHandler((_, i) => i == 0
            ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "the response ended prematurely")
            : StubHandler.Json(HttpStatusCode.Created, """{"name":"j1","Location":"/api/jobs/j1"}""", ("Location", "/api/jobs/j1")));
        using var client = TestClients.Create(stub, o => o.ApiKey = "k");
        var created = await client.CreateJobAsync(new JobCreateRequest("6b2f", "standard"), TestContext.Current.CancellationToken);
        var again = await client.CreateJobAsync(new JobCreateRequest("6b2f", "standard"), TestContext.Current.CancellationToken);

        Assert.Equal(new JobCreateResponse("j1", "/api/jobs/j1"), created);
        var keys = stub.Requests.Select(r => r.Headers["Idempotency-Key"]).ToArray();
        Assert.Equal(3, keys.Length);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[1], keys[2]);
        Assert.True(Guid.TryParse(keys[0], out _));
        Assert.Equal("""{"set_name":"6b2f","parameters_name":"standard","depends_on":[]}""", stub.Requests[0].Body);
        Assert.Equal(stub.Requests[0].Body, stub.Requests[1].Body);
    }

    [Fact]
    public async Task Other_posts_are_retried_only_when_the_request_was_never_sent()
    {
        var sentThenLost = new StubHandler((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "the response ended prematurely"));
        using (var client = TestClients.Create(sentThenLost, o => o.ApiKey = "k"))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.Users.CreateUserAsync(new CreateUserRequest("nora", "nora-password-123"), TestContext.Current.CancellationToken));
        }

        Assert.Single(sentThenLost.Requests);

        var neverConnected = new StubHandler((_, i) => i == 0
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")
            : StubHandler.Json(HttpStatusCode.Created, TestClients.UserJson));
        using (var client = TestClients.Create(neverConnected, o => o.ApiKey = "k"))
        {
            await client.Users.CreateUserAsync(new CreateUserRequest("nora", "nora-password-123"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, neverConnected.Requests.Count);
    }

    [Fact]
    public async Task Upload_url_requests_are_replayed_but_refresh_requests_are_not()
    {
        var stub = new StubHandler((r, i) => i == 0
            ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "the response ended prematurely")
            : StubHandler.Json(HttpStatusCode.OK, """{"url":"http://storage.test/x","key":"u/input/x","expires_at":"2026-01-05T10:15:00Z"}"""));
        using (var client = TestClients.Create(stub, o => o.ApiKey = "k"))
        {
            await client.Results.GetUploadUrlAsync("x", 1, TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, stub.Requests.Count);

        var refresh = new StubHandler((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "the response ended prematurely"));
        using (var client = TestClients.Create(refresh))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.Auth.RefreshAsync("r1", TestContext.Current.CancellationToken));
        }

        Assert.Single(refresh.Requests);
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_then_retries()
    {
        var stub = new StubHandler((_, i) => i == 0
            ? StubHandler.Json(HttpStatusCode.TooManyRequests, """{"detail":{"message":"too many requests","code":"rate_limited"},"retry_after":0}""", ("Retry-After", "0"))
            : Health());
        using var client = TestClients.Create(stub);
        var health = await client.Health.GetHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal("ok", health.Message);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Rate_limit_waits_are_bounded_by_max_retries()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.TooManyRequests, """{"detail":{"message":"too many active jobs","code":"rate_limited"},"retry_after":0}"""));
        using var client = TestClients.Create(stub);
        var error = await Assert.ThrowsAsync<AvatarsApiException>(() => client.Health.GetHealthAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("rate_limited", error.ErrorCode);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_allowed_wait_surfaces_at_once()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.TooManyRequests, """{"detail":{"message":"too many login attempts","code":"rate_limited"},"retry_after":900}""", ("Retry-After", "900")));
        using var client = TestClients.Create(stub);
        var error = await Assert.ThrowsAsync<AvatarsApiException>(() => client.AuthenticateAsync("u", "p", TestContext.Current.CancellationToken));

        Assert.Equal("Got error in HTTP request: post /login. Error status 429 - too many login attempts", error.Message);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public void Invalid_timeouts_and_retry_counts_are_rejected()
    {
        var stub = new StubHandler((_, _) => Unused);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AvatarsApiClient(TestClients.Options(o => o.Timeout = TimeSpan.Zero), stub));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AvatarsApiClient(TestClients.Options(o => o.MaxRetries = -1), stub));
        using var infinite = new AvatarsApiClient(TestClients.Options(o => { o.Timeout = Timeout.InfiniteTimeSpan; o.MaxRetries = 0; }), stub);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stub = new StubHandler(async (_, _, ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return Unused;
        });
        using var client = TestClients.Create(stub);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Health.GetHealthAsync(cts.Token));
        Assert.Single(stub.Requests);
    }
}
