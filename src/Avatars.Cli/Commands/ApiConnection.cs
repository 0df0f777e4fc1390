using System.CommandLine;
using Avatars.Client;
using Avatars.Client.Http;

namespace Avatars.Cli.Commands;

/// <summary>
/// Opens an SDK client (<see cref="AvatarsApiClient"/>) on a server for the commands that talk to one (<c>run</c>,
/// <c>users</c>, <c>api-keys</c>): URL validation, then an API key or a password login.
/// </summary>
internal static class ApiConnection
{
    /// <summary>The server of the administration commands when neither <c>--server</c> nor <c>AVATAR_BASE_API_URL</c> is given.</summary>
    public const string LocalServer = "http://127.0.0.1:8000";

    /// <summary>Retries after a transport failure: enough for a restarting server, short enough for a wrong URL (about 17 s).</summary>
    private const int MaxRetries = 5;

    /// <summary>The <c>--server</c> option of the administration commands.</summary>
    public static Option<string?> ServerOption() => new("--server")
    {
        Description = $"The server (default AVATAR_BASE_API_URL, else {LocalServer}). Credentials: AVATAR_USERNAME/AVATAR_PASSWORD or AVATAR_API_KEY.",
    };

    /// <summary>
    /// Connects to <paramref name="server"/> (else <c>AVATAR_BASE_API_URL</c>, else <paramref name="defaultUrl"/>) with
    /// the credentials of the environment (<c>AVATAR_API_KEY</c>, else <c>AVATAR_USERNAME</c>/<c>AVATAR_PASSWORD</c>).
    /// </summary>
    /// <exception cref="CliUsageException">The URL is not an http(s) URL, or no credentials are set.</exception>
    /// <exception cref="AvatarsApiException">The login was refused.</exception>
    public static Task<AvatarsApiClient> OpenFromEnvironmentAsync(string? server, string defaultUrl, CancellationToken cancellationToken)
    {
        var url = server ?? (Environment.GetEnvironmentVariable(AvatarsDefaults.BaseUrlVariable) is { Length: > 0 } env ? env : defaultUrl);
        return OpenAsync(
            ApiRoot(url),
            Environment.GetEnvironmentVariable(AvatarsDefaults.UsernameVariable),
            Environment.GetEnvironmentVariable(AvatarsDefaults.PasswordVariable),
            Environment.GetEnvironmentVariable(AvatarManager.ApiKeyVariable),
            cancellationToken);
    }

    /// <summary>Connects to an API root (ending in <c>/api</c>) with an API key when given, else with a password login.</summary>
    /// <exception cref="CliUsageException">Neither an API key nor a user name and password.</exception>
    /// <exception cref="AvatarsApiException">The login was refused.</exception>
    public static async Task<AvatarsApiClient> OpenAsync(Uri apiRoot, string? username, string? password, string? apiKey, CancellationToken cancellationToken)
    {
        var options = new AvatarsClientOptions { BaseUrl = apiRoot, MaxRetries = MaxRetries, ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey };
        if (options.ApiKey is null && (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password)))
        {
            throw new CliUsageException("credentials needed: set AVATAR_USERNAME and AVATAR_PASSWORD (or AVATAR_API_KEY).");
        }

        var client = new AvatarsApiClient(options);
        try
        {
            if (options.ApiKey is null)
            {
                await client.AuthenticateAsync(username!, password!, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The API root (<c>…/api</c>) from a URL given as the server root or in the vendor's form ending in <c>/api</c>.</summary>
    /// <exception cref="CliUsageException">Not an absolute http(s) URL.</exception>
    public static Uri ApiRoot(string url)
    {
        var text = url.Trim().TrimEnd('/');
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"'{url}' is not a server URL: give e.g. http://127.0.0.1:8000 or https://avatars.example.com/api.");
        }

        return new Uri(text.EndsWith("/api", StringComparison.Ordinal) ? text : text + "/api");
    }

    /// <summary>The API root of a server root address (an embedded server's base address).</summary>
    public static Uri ApiRoot(Uri serverRoot) => ApiRoot(serverRoot.ToString());
}
