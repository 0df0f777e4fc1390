using System.CommandLine;
using Avatars.Cli.Commands.Run;

namespace Avatars.Cli.Commands.Admin;

/// <summary>The server and credentials of the administration commands (<c>users</c>, <c>api-keys</c>).</summary>
internal static class AdminConnection
{
    public static Option<string?> ServerOption() => new("--server")
    {
        Description = "The server (default AVATAR_BASE_API_URL, else http://127.0.0.1:8000). Credentials: AVATAR_USERNAME/AVATAR_PASSWORD or AVATAR_API_KEY.",
    };

    public static Task<ServerConnection> OpenAsync(string? server, CancellationToken cancellationToken)
    {
        var url = server ?? (Environment.GetEnvironmentVariable("AVATAR_BASE_API_URL") is { Length: > 0 } env ? env : "http://127.0.0.1:8000");
        return ServerConnection.LoginAsync(ServerRoot(url), Environment.GetEnvironmentVariable("AVATAR_USERNAME"), Environment.GetEnvironmentVariable("AVATAR_PASSWORD"), Environment.GetEnvironmentVariable("AVATAR_API_KEY"), cancellationToken);
    }

    /// <summary>The server root from a URL given as the root or in the vendor's form ending in <c>/api</c>.</summary>
    public static Uri ServerRoot(string url)
    {
        var text = url.Trim().TrimEnd('/');
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"'{url}' is not a server URL: give e.g. http://127.0.0.1:8000 or https://avatars.example.com/api.");
        }

        return new Uri(text.EndsWith("/api", StringComparison.Ordinal) ? text[..^4] : text);
    }
}
