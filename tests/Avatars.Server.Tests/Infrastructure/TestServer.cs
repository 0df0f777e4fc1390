using Avatars.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Tests.Infrastructure;

/// <summary>
/// A real server in-process on a loopback port with its own temporary data directory (SQLite + local disk),
/// talked to over HTTP only. Dispose to stop it and delete the directory.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    /// <summary>Password of the bootstrap admin of every test server.</summary>
    public const string AdminPassword = "admin-password-for-tests";

    private readonly bool ownsDirectory;

    private TestServer(AvatarsServer server, AvatarsServerOptions options, bool ownsDirectory)
    {
        Server = server;
        Options = options;
        this.ownsDirectory = ownsDirectory;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary>The running server.</summary>
    public AvatarsServer Server { get; }

    /// <summary>Its options.</summary>
    public AvatarsServerOptions Options { get; }

    /// <summary>A client whose base address is the server root (paths start with <c>api/</c>).</summary>
    public HttpClient Http { get; }

    /// <summary>Starts a server; <paramref name="configure"/> adjusts the options (data directory, limits, backends…).</summary>
    public static async Task<TestServer> StartAsync(Action<AvatarsServerOptions>? configure = null, string? dataDirectory = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        var directory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "avatars-server-tests", Guid.NewGuid().ToString("N"));
        var options = new AvatarsServerOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = directory,
            Bootstrap = { AdminUsername = "admin", AdminPassword = AdminPassword },
        };
        configure?.Invoke(options);
        var server = await AvatarsServer.StartAsync(options, logging => logging.SetMinimumLevel(LogLevel.Warning), configureServices, TestContext.Current.CancellationToken);
        return new TestServer(server, options, dataDirectory is null);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        if (ownsDirectory)
        {
            try
            {
                Directory.Delete(Options.DataDirectoryFullPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open (SQLite WAL) is harmless in the temp folder.
            }
        }
    }
}
