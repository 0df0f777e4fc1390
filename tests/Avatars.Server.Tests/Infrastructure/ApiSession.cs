using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Avatars.Server.Tests.Infrastructure;

/// <summary>
/// A logged-in caller of a <see cref="TestServer"/>: <see cref="Http"/> sends <c>Authorization: Bearer …</c> (or
/// <c>api-key-v1 …</c>) on every request. Log in with <see cref="LoginAsync"/> / <see cref="LoginAdminAsync"/>, or let
/// the admin create a user and log in as it with <see cref="CreateUserAsync"/>.
/// </summary>
public sealed class ApiSession : IDisposable
{
    private ApiSession(TestServer server, AuthenticationHeaderValue authorization, Guid userId, string username, string? password, string? refreshToken)
    {
        Server = server;
        UserId = userId;
        Username = username;
        Password = password;
        RefreshToken = refreshToken;
        Http = new HttpClient { BaseAddress = server.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        Http.DefaultRequestHeaders.Authorization = authorization;
    }

    /// <summary>The server.</summary>
    public TestServer Server { get; }

    /// <summary>A client sending the session's credentials; paths start with <c>api/</c>.</summary>
    public HttpClient Http { get; }

    /// <summary>The user's id.</summary>
    public Guid UserId { get; }

    /// <summary>The user's name.</summary>
    public string Username { get; }

    /// <summary>The password (null for API-key sessions).</summary>
    public string? Password { get; }

    /// <summary>The refresh token of the login (null for API-key sessions).</summary>
    public string? RefreshToken { get; }

    /// <summary>The current access token (null for API-key sessions).</summary>
    public string? AccessToken => Http.DefaultRequestHeaders.Authorization?.Scheme == "Bearer" ? Http.DefaultRequestHeaders.Authorization.Parameter : null;

    /// <summary>Logs in over <c>POST /api/login</c>; fails the test unless it answers 200.</summary>
    public static async Task<ApiSession> LoginAsync(TestServer server, string username, string password)
    {
        using var response = await PostLoginAsync(server.Http, username, password);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"login of '{username}' failed: {(int)response.StatusCode} {text}");
        }

        var tokens = JsonDocument.Parse(text).RootElement;
        var access = tokens.GetProperty("access_token").GetString()!;
        var session = new ApiSession(server, new AuthenticationHeaderValue("Bearer", access), Guid.Empty, username, password, tokens.GetProperty("refresh_token").GetString());
        var me = await session.GetJsonAsync("api/users/me");
        var withId = new ApiSession(server, new AuthenticationHeaderValue("Bearer", access), me.GetProperty("id").GetGuid(), username, password, session.RefreshToken);
        session.Dispose();
        return withId;
    }

    /// <summary>Logs in as the bootstrap admin (<c>admin</c> / <see cref="TestServer.AdminPassword"/>).</summary>
    public static Task<ApiSession> LoginAdminAsync(TestServer server) => LoginAsync(server, "admin", TestServer.AdminPassword);

    /// <summary>A session authenticating with <c>Authorization: api-key-v1 &lt;key&gt;</c>.</summary>
    public static ApiSession WithApiKey(TestServer server, string apiKey, Guid userId = default, string username = "") =>
        new(server, new AuthenticationHeaderValue("api-key-v1", apiKey), userId, username, null, null);

    /// <summary>
    /// Has the bootstrap admin create a user over <c>POST /api/users</c>, then logs in as it.
    /// </summary>
    public static async Task<ApiSession> CreateUserAsync(TestServer server, string username, string password = "password-for-tests", string role = "user", string? email = null)
    {
        using (var admin = await LoginAdminAsync(server))
        {
            await admin.CreateUserAsync(username, password, role, email);
        }

        return await LoginAsync(server, username, password);
    }

    /// <summary>As an admin session: creates a user over <c>POST /api/users</c> and returns the <c>User</c> body.</summary>
    public async Task<JsonElement> CreateUserAsync(string username, string password = "password-for-tests", string role = "user", string? email = null)
    {
        using var response = await Http.PostAsJsonAsync("api/users", new { username, email, password, role }, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"creating user '{username}' failed: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Creates an API key over <c>POST /api/api-keys</c> and returns its plaintext.</summary>
    public async Task<string> CreateApiKeyAsync(string name = "tests", int expirationDays = 30)
    {
        using var response = await Http.PostAsJsonAsync("api/api-keys", new { name, expiration_days = expirationDays }, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"creating an API key failed: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("api_key").GetProperty("plaintext").GetString()!;
    }

    /// <summary>GET that must answer 200; returns the JSON body.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary><c>POST /api/login</c> with a form body, whatever the outcome.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient http, string username, string password) =>
        http.PostAsync(
            "api/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = username, ["password"] = password, ["scope"] = string.Empty }),
            TestContext.Current.CancellationToken);

    /// <inheritdoc />
    public void Dispose() => Http.Dispose();
}
