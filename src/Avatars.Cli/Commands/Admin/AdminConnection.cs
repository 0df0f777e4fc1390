using System.CommandLine;
using Avatars.Cli.Commands.Run;

namespace Avatars.Cli.Commands.Admin;

/// <summary>The server and credentials of the administration commands (<c>users</c>, <c>api-keys</c>).</summary>
internal static class AdminConnection
{
    public static Option<Uri?> ServerOption() => new("--server")
    {
        Description = "The server (default AVATAR_BASE_API_URL, else http://127.0.0.1:8000). Credentials: AVATAR_USERNAME/AVATAR_PASSWORD or AVATAR_API_KEY.",
    };

    public static Task<ServerConnection> OpenAsync(Uri? server, CancellationToken cancellationToken)
    {
        var url = server ?? (Environment.GetEnvironmentVariable("AVATAR_BASE_API_URL") is { Length: > 0 } env ? new Uri(env) : new Uri("http://127.0.0.1:8000"));
        var text = url.ToString().TrimEnd('/');
        var root = new Uri(text.EndsWith("/api", StringComparison.Ordinal) ? text[..^4] : text);
        return ServerConnection.LoginAsync(root, Environment.GetEnvironmentVariable("AVATAR_USERNAME"), Environment.GetEnvironmentVariable("AVATAR_PASSWORD"), Environment.GetEnvironmentVariable("AVATAR_API_KEY"), cancellationToken);
    }
}
