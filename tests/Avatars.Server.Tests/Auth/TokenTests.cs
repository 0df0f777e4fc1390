using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Avatars.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Tests.Auth;

public sealed class TokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> GetMeAsync(TestServer server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> PostRefreshAsync(TestServer server, string token) =>
        server.Http.PostAsync("api/refresh", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }), Ct);

    [Fact]
    public async Task Expired_access_token_says_credentials_expired_and_refresh_gives_a_working_pair()
    {
        // The server's clock, not a real delay: the new pair must not expire while a busy machine runs the test.
        var clock = new AdjustableClock();
        await using var server = await TestServer.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var session = await ApiSession.LoginAdminAsync(server);
        clock.Advance(TimeSpan.FromMinutes(16));

        using (var expired = await GetMeAsync(server, session.AccessToken!))
        {
            await AuthAssert.ErrorAsync(expired, HttpStatusCode.Unauthorized, "credentials_expired", "credentials expired");
            Assert.Contains("error=\"invalid_token\"", expired.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        // The expired access token in the Authorization header is ignored by refresh.
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/refresh")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = session.RefreshToken! }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        using var refreshed = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var pair = await AuthAssert.JsonAsync(refreshed);
        Assert.NotEqual(session.RefreshToken, pair.GetProperty("refresh_token").GetString());
        using var me = await GetMeAsync(server, pair.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Refresh_by_query_works_once_and_reuse_revokes_the_family()
    {
        await using var server = await TestServer.StartAsync();
        using var session = await ApiSession.LoginAdminAsync(server);
        using var first = await server.Http.GetAsync("api/refresh?token=" + Uri.EscapeDataString(session.RefreshToken!), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = (await AuthAssert.JsonAsync(first)).GetProperty("refresh_token").GetString()!;

        // Replaying the spent token fails and takes the descendant down with it.
        using (var replay = await PostRefreshAsync(server, session.RefreshToken!))
        {
            var body = await AuthAssert.ErrorAsync(replay, HttpStatusCode.Unauthorized, "invalid_refresh_token", "invalid refresh token");
            Assert.DoesNotContain("credentials expired", body.ToString(), StringComparison.Ordinal);
        }

        using var descendant = await PostRefreshAsync(server, second);
        await AuthAssert.ErrorAsync(descendant, HttpStatusCode.Unauthorized, "invalid_refresh_token");

        // Another login is another family and still works.
        using var other = await ApiSession.LoginAdminAsync(server);
        using var fresh = await PostRefreshAsync(server, other.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Each_token_type_is_refused_where_the_other_is_expected()
    {
        await using var server = await TestServer.StartAsync();
        using var session = await ApiSession.LoginAdminAsync(server);
        using (var refreshAsAccess = await GetMeAsync(server, session.RefreshToken!))
        {
            await AuthAssert.ErrorAsync(refreshAsAccess, HttpStatusCode.Unauthorized, "invalid_credentials", "invalid credentials");
        }

        using (var accessAsRefresh = await PostRefreshAsync(server, session.AccessToken!))
        {
            await AuthAssert.ErrorAsync(accessAsRefresh, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        }

        using (var garbage = await server.Http.GetAsync("api/refresh?token=not-a-token", Ct))
        {
            await AuthAssert.ErrorAsync(garbage, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        }

        using var json = await server.Http.PostAsJsonAsync("api/refresh", new { token = session.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task Tokens_carry_the_documented_claims()
    {
        await using var server = await TestServer.StartAsync();
        using var session = await ApiSession.LoginAdminAsync(server);
        foreach (var (token, use) in new[] { (session.AccessToken!, "access"), (session.RefreshToken!, "refresh") })
        {
            var parts = token.Split('.');
            var header = JsonDocument.Parse(Base64UrlDecode(parts[0])).RootElement;
            var payload = JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement;
            Assert.Equal("HS256", header.GetProperty("alg").GetString());
            Assert.Equal("avatar-api", payload.GetProperty("iss").GetString());
            Assert.Equal("avatar-api", payload.GetProperty("aud").GetString());
            Assert.Equal(session.UserId.ToString(), payload.GetProperty("sub").GetString());
            Assert.Equal("admin", payload.GetProperty("role").GetString());
            Assert.Equal(use, payload.GetProperty("token_use").GetString());
            Assert.False(string.IsNullOrEmpty(payload.GetProperty("stamp").GetString()));
            Assert.True(Guid.TryParse(payload.GetProperty("jti").GetString(), out _));
            var iat = payload.GetProperty("iat").GetInt64();
            Assert.Equal(iat, payload.GetProperty("nbf").GetInt64());
            var lifetime = payload.GetProperty("exp").GetInt64() - iat;
            Assert.Equal(use == "access" ? 15 * 60 : 7 * 24 * 3600, lifetime);
        }
    }

    [Fact]
    public async Task Refresh_token_expires_with_its_lifetime()
    {
        await using var server = await TestServer.StartAsync(o => o.Auth.RefreshTokenLifetime = TimeSpan.FromSeconds(1));
        using var session = await ApiSession.LoginAdminAsync(server);
        await Task.Delay(TimeSpan.FromSeconds(2.2), Ct);
        using var response = await PostRefreshAsync(server, session.RefreshToken!);
        await AuthAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Refresh_chain_ends_at_the_absolute_lifetime()
    {
        await using var server = await TestServer.StartAsync(o =>
        {
            o.Auth.RefreshTokenLifetime = TimeSpan.FromSeconds(4);
            o.Auth.RefreshTokenAbsoluteLifetime = TimeSpan.FromSeconds(5);
        });
        using var session = await ApiSession.LoginAdminAsync(server);
        var loginIat = Payload(session.RefreshToken!).GetProperty("iat").GetInt64();
        await Task.Delay(TimeSpan.FromSeconds(2.2), Ct);
        using var refreshed = await PostRefreshAsync(server, session.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = (await AuthAssert.JsonAsync(refreshed)).GetProperty("refresh_token").GetString()!;

        // The new token would live 4 s, but the family ends 5 s after the login.
        Assert.Equal(loginIat + 5, Payload(next).GetProperty("exp").GetInt64());
    }

    private static JsonElement Payload(string token) => JsonDocument.Parse(Base64UrlDecode(token.Split('.')[1])).RootElement.Clone();

    private static byte[] Base64UrlDecode(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);
}
