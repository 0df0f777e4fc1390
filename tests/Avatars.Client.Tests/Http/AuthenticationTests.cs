using System.Net;
using Avatars.Client.Http;

namespace Avatars.Client.Tests.Http;

/// <summary>sdk.md §5.2: login, bearer, refresh on <c>credentials expired</c>, API keys, compatibility check.</summary>
public sealed class AuthenticationTests
{
    private const string Expired = """{"detail":{"message":"credentials expired","code":"credentials_expired"}}""";

    private static bool Is(RecordedRequest r, string method, string path) =>
        r.Method.Method == method && r.Uri.AbsolutePath == "/api/" + path;

    [Fact]
    public async Task Authenticated_calls_without_credentials_fail_before_any_request()
    {
        var stub = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = TestClients.Create(stub);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetMeAsync(TestContext.Current.CancellationToken));
        Assert.Equal("You are not authenticated.", error.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Login_sends_the_form_and_later_calls_send_the_bearer_token()
    {
        var stub = new StubHandler((r, _) => Is(r, "POST", "login")
            ? StubHandler.Json(HttpStatusCode.OK, TestClients.LoginJson)
            : StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson));
        using var client = await TestClients.LoggedInAsync(stub);
        var me = await client.GetMeAsync(TestContext.Current.CancellationToken);

        Assert.Equal("user", me.Username);
        var login = stub.Requests[0];
        Assert.Equal("application/x-www-form-urlencoded", login.ContentType);
        Assert.Equal("username=user&password=password&scope=", login.Body);
        Assert.Null(login.Authorization);
        Assert.Equal("Bearer a1", stub.Requests[1].Authorization);
        Assert.Equal(new Models.AuthTokens("a1", "r1"), client.AuthTokens);
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_once_and_the_request_replayed()
    {
        var stub = new StubHandler((r, _) => r switch
        {
            _ when Is(r, "POST", "login") => StubHandler.Json(HttpStatusCode.OK, TestClients.LoginJson),
            _ when Is(r, "POST", "refresh") => StubHandler.Json(HttpStatusCode.OK, """{"access_token":"a2","refresh_token":"r2","token_type":"bearer","expires_in":900}"""),
            _ when r.Authorization == "Bearer a1" => StubHandler.Json(HttpStatusCode.Unauthorized, Expired),
            _ => StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson),
        });
        using var client = await TestClients.LoggedInAsync(stub);
        await client.GetMeAsync(TestContext.Current.CancellationToken);

        var requests = stub.Requests;
        Assert.Equal(4, requests.Count);
        Assert.True(Is(requests[2], "POST", "refresh"));
        Assert.Equal("token=r1", requests[2].Body);
        Assert.Null(requests[2].Authorization);
        Assert.Equal("Bearer a2", requests[3].Authorization);
        Assert.Equal(new Models.AuthTokens("a2", "r2"), client.AuthTokens);
    }

    [Fact]
    public async Task A_failed_refresh_surfaces_its_error_without_looping()
    {
        var stub = new StubHandler((r, _) => r switch
        {
            _ when Is(r, "POST", "login") => StubHandler.Json(HttpStatusCode.OK, TestClients.LoginJson),
            _ when Is(r, "POST", "refresh") => StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":{"message":"invalid refresh token","code":"invalid_refresh_token"}}"""),
            _ => StubHandler.Json(HttpStatusCode.Unauthorized, Expired),
        });
        using var client = await TestClients.LoggedInAsync(stub);
        var error = await Assert.ThrowsAsync<AvatarsApiException>(() => client.GetMeAsync(TestContext.Current.CancellationToken));

        Assert.Equal("invalid_refresh_token", error.ErrorCode);
        Assert.Equal("/refresh", error.RequestPath);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_keeps_answering_expired_gets_one_refresh_per_request()
    {
        var stub = new StubHandler((r, _) => r switch
        {
            _ when Is(r, "POST", "login") => StubHandler.Json(HttpStatusCode.OK, TestClients.LoginJson),
            _ when Is(r, "POST", "refresh") => StubHandler.Json(HttpStatusCode.OK, """{"access_token":"a2","refresh_token":"r2","token_type":"bearer","expires_in":900}"""),
            _ => StubHandler.Json(HttpStatusCode.Unauthorized, Expired),
        });
        using var client = await TestClients.LoggedInAsync(stub);
        var error = await Assert.ThrowsAsync<AvatarsApiException>(() => client.GetMeAsync(TestContext.Current.CancellationToken));

        Assert.Equal("credentials_expired", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Single(stub.Requests, r => Is(r, "POST", "refresh"));
        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_expired_requests_share_one_refresh()
    {
        var bothExpired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var expiredCount = 0;
        var stub = new StubHandler(async (r, _, ct) =>
        {
            if (Is(r, "POST", "login"))
            {
                return StubHandler.Json(HttpStatusCode.OK, TestClients.LoginJson);
            }

            if (Is(r, "POST", "refresh"))
            {
                return StubHandler.Json(HttpStatusCode.OK, """{"access_token":"a2","refresh_token":"r2","token_type":"bearer","expires_in":900}""");
            }

            if (r.Authorization == "Bearer a1")
            {
                if (Interlocked.Increment(ref expiredCount) == 2)
                {
                    bothExpired.SetResult();
                }

                await bothExpired.Task.WaitAsync(ct);
                return StubHandler.Json(HttpStatusCode.Unauthorized, Expired);
            }

            return StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson);
        });
        using var client = await TestClients.LoggedInAsync(stub);
        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(client.GetMeAsync(ct), client.GetMeAsync(ct));

        Assert.Single(stub.Requests, r => Is(r, "POST", "refresh"));
        Assert.Equal(2, stub.Requests.Count(r => r.Authorization == "Bearer a2"));
    }

    [Fact]
    public async Task An_api_key_is_sent_on_every_request_and_password_login_is_refused()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson));
        using var client = TestClients.Create(stub, o => o.ApiKey = "avk_secret");
        await client.GetMeAsync(TestContext.Current.CancellationToken);

        Assert.Equal("api-key-v1 avk_secret", stub.Requests.Single().Authorization);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.AuthenticateAsync("u", "p", TestContext.Current.CancellationToken));
        Assert.Null(client.AuthTokens);
    }

    [Fact]
    public async Task The_compatibility_check_runs_once_before_the_first_authenticated_call()
    {
        var stub = new StubHandler((r, _) => Is(r, "GET", "check_client")
            ? StubHandler.Json(HttpStatusCode.OK, """{"message":"client is compatible","most_recent_compatible_client":"0.1.0","status":"compatible"}""")
            : StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson));
        using var client = TestClients.Create(stub, o => { o.ApiKey = "k"; o.ShouldVerifyCompatibility = true; });
        await client.GetMeAsync(TestContext.Current.CancellationToken);
        await client.GetMeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["/api/check_client", "/api/users/me", "/api/users/me"], stub.Requests.Select(r => r.Uri.AbsolutePath));
        Assert.Equal("avatar-dotnet/0.1.0", stub.Requests[0].Headers["User-Agent"]);
    }

    [Fact]
    public async Task An_incompatible_client_is_stopped_with_the_server_message()
    {
        var stub = new StubHandler((r, _) => Is(r, "GET", "check_client")
            ? StubHandler.Json(HttpStatusCode.OK, """{"message":"client version 0.0.1 is too old; update to at least 0.1.0","most_recent_compatible_client":"0.1.0","status":"incompatible"}""")
            : StubHandler.Json(HttpStatusCode.OK, TestClients.UserJson));
        using var client = TestClients.Create(stub, o => { o.ApiKey = "k"; o.ShouldVerifyCompatibility = true; });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetMeAsync(TestContext.Current.CancellationToken));

        Assert.Equal("client version 0.0.1 is too old; update to at least 0.1.0", error.Message);
        Assert.DoesNotContain(stub.Requests, r => r.Uri.AbsolutePath == "/api/users/me");
    }
}
