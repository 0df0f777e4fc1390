using Avatars.Client;
using Avatars.Client.Http;
using Spectre.Console;

namespace Avatars.Cli.Commands.Demo;

/// <summary>The demo's embedded server and an SDK manager logged in to it; disposing stops the server.</summary>
internal sealed class DemoSession(EmbeddedServer server, AvatarManager manager) : IAsyncDisposable
{
    /// <summary>The SDK entry point, authenticated as the server's administrator.</summary>
    public AvatarManager Manager => manager;

    /// <summary>Starts the server, says so on the console, and logs in with the SDK.</summary>
    public static async Task<DemoSession> StartAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var server = await EmbeddedServer.StartAsync("avatars-demo-server", "demo", cancellationToken);
        try
        {
            console.MarkupLine($"Started an embedded server on {Markup.Escape(server.BaseAddress.ToString())} (SQLite and local storage in a temporary folder).");
            // The server is local: poll often instead of the SDK's default 5 s (meant for shared servers).
            var manager = new AvatarManager(new AvatarsClientOptions { BaseUrl = server.ApiRoot, PollInterval = TimeSpan.FromMilliseconds(250) });
            try
            {
                await manager.AuthenticateAsync(server.Username, server.Password, cancellationToken);
                return new DemoSession(server, manager);
            }
            catch
            {
                manager.Dispose();
                throw;
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        manager.Dispose();
        await server.DisposeAsync();
    }
}
