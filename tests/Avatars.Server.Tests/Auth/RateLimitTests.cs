using System.Net;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Auth;

public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Authenticated_requests_are_limited_per_user_and_health_is_exempt()
    {
        await using var server = await TestServer.StartAsync(o => o.RateLimit.RequestsPerMinute = 5);
        using var admin = await ApiSession.LoginAdminAsync(server);
        using var alice = await ApiSession.CreateUserAsync(server, "alice");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++)
        {
            last?.Dispose();
            last = await alice.Http.GetAsync("api/users/me", Ct);
            statuses.Add(last.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        await AuthAssert.ErrorAsync(last!, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        last.Dispose();

        using (var health = await alice.Http.GetAsync("api/health", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        // Another user has its own bucket.
        using var bob = await admin.Http.GetAsync("api/users/credits_info", Ct);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
    }
}
