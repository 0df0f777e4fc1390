using Microsoft.Extensions.Logging;

namespace Avatars.Server.Hosting;

/// <summary>
/// Produces the OpenAPI document exactly as the server serves it, by starting a throw-away server on a loopback
/// port (temporary data directory) and reading <c>GET /api/openapi.json</c>. Used by <c>avatars openapi</c> to
/// regenerate the committed <c>api/openapi.json</c>, and by the test that fails when that file is stale.
/// </summary>
public static class OpenApiDocumentExporter
{
    /// <summary>The document text, with <c>\n</c> line endings and a final newline.</summary>
    public static async Task<string> ExportAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "avatars-openapi-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new AvatarsServerOptions
            {
                Urls = "http://127.0.0.1:0",
                DataDirectory = directory,
                Workers = { Enabled = false },
                Bootstrap = { AdminPassword = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)) },
            };
            await using var server = await AvatarsServer.StartAsync(options, logging => logging.SetMinimumLevel(LogLevel.Warning), cancellationToken);
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            var text = await http.GetStringAsync("api/openapi.json", cancellationToken);
            return Normalize(text);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Temporary folder; a lingering SQLite file is harmless.
            }
        }
    }

    /// <summary><c>\n</c> line endings and exactly one final newline, so the committed file compares byte for byte.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
