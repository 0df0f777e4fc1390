using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Hosting;

/// <summary>
/// A running Avatars server. <see cref="StartAsync(AvatarsServerOptions, Action{ILoggingBuilder}?, CancellationToken)"/> builds the ASP.NET Core application from
/// <see cref="AvatarsServerOptions"/>, applies database migrations, creates the bootstrap admin and starts
/// listening; tests, tutorials and <c>avatars serve</c> all start it this way.
/// </summary>
public sealed class AvatarsServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private AvatarsServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The first address listened on, e.g. <c>http://127.0.0.1:53211/</c> (the API is under <c>api/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The application's services (tests use them to reach the database).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Builds and starts a server.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="configureLogging">Optional logging set-up (default: console at Information, Warning for ASP.NET Core).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <exception cref="ServerConfigurationException">A setting is invalid.</exception>
    public static Task<AvatarsServer> StartAsync(AvatarsServerOptions options, Action<ILoggingBuilder>? configureLogging = null, CancellationToken cancellationToken = default) =>
        StartAsync(options, configureLogging, configureServices: null, cancellationToken);

    /// <summary>Builds and starts a server, letting tests replace services (e.g. the clock) after the defaults are registered.</summary>
    internal static async Task<AvatarsServer> StartAsync(AvatarsServerOptions options, Action<ILoggingBuilder>? configureLogging, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = ServerApplication.Build(options, configureLogging, configureServices);
        await ServerApplication.InitializeAsync(app, cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new AvatarsServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Waits until the host shuts down (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops gracefully: running jobs are interrupted and re-queued.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.StopAsync(CancellationToken.None);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
