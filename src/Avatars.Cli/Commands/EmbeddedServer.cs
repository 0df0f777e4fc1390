using System.Security.Cryptography;
using Avatars.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Cli.Commands;

/// <summary>
/// A server started in-process on a loopback port for one command (<c>run</c> without <c>--server</c>, <c>demo</c>):
/// SQLite and local storage in a temporary folder, one administrator with a random password. Disposing stops the
/// server and deletes the folder.
/// </summary>
internal sealed class EmbeddedServer : IAsyncDisposable
{
    private readonly AvatarsServer server;
    private readonly string directory;

    private EmbeddedServer(AvatarsServer server, string directory, string username, string password)
    {
        this.server = server;
        this.directory = directory;
        Username = username;
        Password = password;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => server.BaseAddress;

    /// <summary>The API root (<c>…/api</c>) to give the SDK.</summary>
    public Uri ApiRoot => ApiConnection.ApiRoot(server.BaseAddress);

    /// <summary>The administrator's user name.</summary>
    public string Username { get; }

    /// <summary>The administrator's password (random, never shown).</summary>
    public string Password { get; }

    /// <summary>Starts a server whose data lives in a new temporary folder named after <paramref name="purpose"/>.</summary>
    /// <param name="purpose">Prefix of the temporary folder, e.g. <c>avatars-run</c>.</param>
    /// <param name="username">The administrator's user name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<EmbeddedServer> StartAsync(string purpose, string username, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), purpose + "-" + Guid.NewGuid().ToString("N"));
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var options = new AvatarsServerOptions { Urls = "http://127.0.0.1:0", DataDirectory = directory, Bootstrap = { AdminUsername = username, AdminPassword = password } };
        try
        {
            var server = await AvatarsServer.StartAsync(options, logging => logging.SetMinimumLevel(LogLevel.Warning), cancellationToken);
            return new EmbeddedServer(server, directory, username, password);
        }
        catch
        {
            TryDelete(directory);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        TryDelete(directory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary folder; nothing of the user's is lost (results were written to the output folder).
        }
    }
}
