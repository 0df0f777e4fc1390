using System.Net;
using System.Net.Http.Json;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Auth;

public sealed class PasswordTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Password_change_rotates_the_stamp_and_revokes_refresh_tokens()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await ApiSession.CreateUserAsync(server, "alice", "alice-password-123");
        using var other = await ApiSession.LoginAsync(server, "alice", "alice-password-123");
        using (var change = await alice.Http.PostAsJsonAsync("api/users/me/password", new { current_password = "alice-password-123", new_password = "alice-password-456" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }

        using (var old = await other.Http.GetAsync("api/users/me", Ct))
        {
            await AuthAssert.ErrorAsync(old, HttpStatusCode.Unauthorized, "invalid_credentials", "invalid credentials");
        }

        using (var refresh = await server.Http.PostAsync("api/refresh", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = other.RefreshToken! }), Ct))
        {
            await AuthAssert.ErrorAsync(refresh, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        }

        using (var oldPassword = await ApiSession.PostLoginAsync(server.Http, "alice", "alice-password-123"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        }

        using var again = await ApiSession.LoginAsync(server, "alice", "alice-password-456");
        Assert.Equal(alice.UserId, again.UserId);
    }

    [Fact]
    public async Task Wrong_current_password_is_403_and_short_new_password_is_422()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await ApiSession.CreateUserAsync(server, "alice", "alice-password-123");
        using (var wrong = await alice.Http.PostAsJsonAsync("api/users/me/password", new { current_password = "not-my-password", new_password = "alice-password-456" }, Ct))
        {
            await AuthAssert.ErrorAsync(wrong, HttpStatusCode.Forbidden, "forbidden");
        }

        using var tooShort = await alice.Http.PostAsJsonAsync("api/users/me/password", new { current_password = "alice-password-123", new_password = "short" }, Ct);
        await AuthAssert.ValidationAsync(tooShort, "body", "new_password");
    }

    [Fact]
    public async Task Password_change_failures_are_rate_limited_like_logins()
    {
        await using var server = await TestServer.StartAsync(o => o.Auth.LoginAttempts = 3);
        using var alice = await ApiSession.CreateUserAsync(server, "alice", "alice-password-123");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await alice.Http.PostAsJsonAsync("api/users/me/password", new { current_password = "wrong-password-" + i, new_password = "alice-password-456" }, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
