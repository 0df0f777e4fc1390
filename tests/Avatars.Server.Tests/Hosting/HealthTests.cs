using System.Net;
using System.Text.Json;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_answers_with_version_and_security_headers()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Http.GetAsync("api/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("ok", body.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("version").GetString()));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Request-Id").Single()));
    }

    [Fact]
    public async Task Request_id_is_echoed()
    {
        await using var server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/health");
        request.Headers.Add("X-Request-Id", "abc-123");
        var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("abc-123", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Database_health_runs_a_query()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Http.GetAsync("api/health/db", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_route_gets_the_api_error_shape()
    {
        await using var server = await TestServer.StartAsync();
        var response = await server.Http.GetAsync("api/no-such-thing", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("not_found", body.GetProperty("detail").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("avatar-dotnet/0.1.0", "compatible")]
    [InlineData("avatar-python/1.15.0", "incompatible")]
    [InlineData("curl/8.0", "unknown")]
    public async Task Check_client_reads_the_user_agent(string agent, string expected)
    {
        await using var server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/check_client");
        request.Headers.TryAddWithoutValidation("User-Agent", agent);
        var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(expected, body.GetProperty("status").GetString());
    }
}
