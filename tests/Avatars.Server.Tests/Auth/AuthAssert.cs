using System.Net;
using System.Text.Json;

namespace Avatars.Server.Tests.Auth;

/// <summary>Assertions on the error shapes of api.md §11–§12.</summary>
internal static class AuthAssert
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();

    /// <summary><c>{"detail": {"message", "code"}}</c> with the given status, code and message.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? message = null)
    {
        var body = await JsonAsync(response);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(code, body.GetProperty("detail").GetProperty("code").GetString());
        if (message is not null)
        {
            Assert.Equal(message, body.GetProperty("detail").GetProperty("message").GetString());
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        return body;
    }

    /// <summary>401 <c>{"detail": "Not authenticated"}</c> with <c>WWW-Authenticate: Bearer</c>.</summary>
    public static async Task NotAuthenticatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Not authenticated", body.GetProperty("detail").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    /// <summary>422 whose issues include one at <paramref name="loc"/>.</summary>
    public static async Task ValidationAsync(HttpResponseMessage response, params string[] loc)
    {
        var body = await JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"expected 422, got {(int)response.StatusCode}: {body}");
        var issues = body.GetProperty("detail").EnumerateArray().ToList();
        Assert.Contains(issues, i => i.GetProperty("loc").EnumerateArray().Select(e => e.ToString()).SequenceEqual(loc)
            && i.TryGetProperty("msg", out _) && i.TryGetProperty("type", out _));
    }
}
