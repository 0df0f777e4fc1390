using System.Net;
using System.Text.Json;
using Avatars.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Tests.Auth;

public sealed class ApiKeyExpiryTests
{
    [Fact]
    public async Task An_expired_api_key_gets_401_api_key_expired()
    {
        var clock = new AdjustableClock();
        await using var server = await TestServer.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var user = await ApiSession.CreateUserAsync(server, "kim");
        var key = await user.CreateApiKeyAsync(expirationDays: 30);
        using var viaKey = ApiSession.WithApiKey(server, key);
        await viaKey.GetJsonAsync("api/users/me");

        clock.Advance(TimeSpan.FromDays(31));
        using var response = await viaKey.Http.GetAsync("api/users/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("detail");
        Assert.Equal("api_key_expired", detail.GetProperty("code").GetString());
        Assert.Equal("API key expired", detail.GetProperty("message").GetString());
    }
}
