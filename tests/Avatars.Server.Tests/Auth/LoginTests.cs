using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Auth;

public sealed class LoginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_returns_a_bearer_pair_that_works_on_users_me()
    {
        await using var server = await TestServer.StartAsync();
        using var response = await ApiSession.PostLoginAsync(server.Http, "admin", TestServer.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await AuthAssert.JsonAsync(response);
        Assert.Equal("bearer", tokens.GetProperty("token_type").GetString());
        Assert.Equal(900, tokens.GetProperty("expires_in").GetInt32());
        Assert.StartsWith("eyJ", tokens.GetProperty("refresh_token").GetString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        using var me = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var user = await AuthAssert.JsonAsync(me);
        Assert.Equal("admin", user.GetProperty("username").GetString());
        Assert.Equal("admin", user.GetProperty("role").GetString());
        Assert.False(user.GetProperty("disabled").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, user.GetProperty("email").ValueKind);
        Assert.EndsWith("Z", user.GetProperty("created_at").GetString(), StringComparison.Ordinal);
        Assert.True(Guid.TryParse(user.GetProperty("organization_id").GetString(), out _));
    }

    [Fact]
    public async Task Login_is_case_insensitive_and_accepts_the_email()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await ApiSession.LoginAdminAsync(server);
        await admin.CreateUserAsync("Alice", "alice-password-123", email: "alice@example.org");
        using var byName = await ApiSession.LoginAsync(server, "ALICE", "alice-password-123");
        using var byEmail = await ApiSession.LoginAsync(server, "Alice@Example.org", "alice-password-123");
        Assert.Equal(byName.UserId, byEmail.UserId);
    }

    [Fact]
    public async Task Wrong_password_unknown_user_and_disabled_account_get_the_same_401()
    {
        await using var server = await TestServer.StartAsync();
        using var admin = await ApiSession.LoginAdminAsync(server);
        var bob = await admin.CreateUserAsync("bob", "bob-password-123");
        using (var patch = await admin.Http.PatchAsJsonAsync($"api/users/{bob.GetProperty("id").GetGuid()}", new { disabled = true }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        foreach (var (user, password) in new[] { ("admin", "wrong-password-123"), ("nobody", "wrong-password-123"), ("bob", "bob-password-123") })
        {
            using var response = await ApiSession.PostLoginAsync(server.Http, user, password);
            await AuthAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_login", "incorrect username or password");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task Login_needs_a_form_body_and_both_fields()
    {
        await using var server = await TestServer.StartAsync();
        using var json = await server.Http.PostAsJsonAsync("api/login", new { username = "admin", password = TestServer.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        using var missing = await server.Http.PostAsync("api/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin" }), Ct);
        await AuthAssert.ValidationAsync(missing, "body", "password");

        using var grant = await server.Http.PostAsync(
            "api/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = TestServer.AdminPassword, ["grant_type"] = "client_credentials" }),
            Ct);
        await AuthAssert.ValidationAsync(grant, "body", "grant_type");
    }

    [Fact]
    public async Task Missing_header_and_unknown_scheme_are_not_authenticated()
    {
        await using var server = await TestServer.StartAsync();
        using var missing = await server.Http.GetAsync("api/users/me", Ct);
        await AuthAssert.NotAuthenticatedAsync(missing);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "YWRtaW46eA==");
        using var basic = await server.Http.SendAsync(request, Ct);
        await AuthAssert.NotAuthenticatedAsync(basic);
    }

    [Fact]
    public async Task Forged_token_is_invalid_credentials_with_invalid_token_challenge()
    {
        await using var server = await TestServer.StartAsync();
        using var session = await ApiSession.LoginAdminAsync(server);
        var parts = session.AccessToken!.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        using var response = await server.Http.SendAsync(request, Ct);
        await AuthAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_credentials", "invalid credentials");
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_wrong_passwords_end_in_429_with_retry_after()
    {
        await using var server = await TestServer.StartAsync();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 20; i++)
        {
            last?.Dispose();
            last = await ApiSession.PostLoginAsync(server.Http, "admin", "wrong-password-" + i);
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var body = await AuthAssert.ErrorAsync(last!, HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
        Assert.Equal(retryAfter, body.GetProperty("retry_after").GetInt32());

        // Even the right password waits for the window: failures are what is limited, not accounts locked forever.
        using var right = await ApiSession.PostLoginAsync(server.Http, "admin", TestServer.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task Login_window_frees_up()
    {
        await using var server = await TestServer.StartAsync(o =>
        {
            o.Auth.LoginAttempts = 2;
            o.Auth.LoginWindow = TimeSpan.FromSeconds(2);
        });
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await ApiSession.PostLoginAsync(server.Http, "admin", "wrong-password-123");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var blocked = await ApiSession.PostLoginAsync(server.Http, "admin", TestServer.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        using var ok = await ApiSession.PostLoginAsync(server.Http, "admin", TestServer.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
