using Avatars.Client.Models;
using G = Avatars.Client.Generated;

namespace Avatars.Client.Http;

/// <summary>Operation group <c>health</c> (unauthenticated endpoints).</summary>
public sealed class HealthOperations
{
    private readonly G.HealthClient _client;

    internal HealthOperations(G.HealthClient client) => _client = client;

    /// <summary><c>GET /health</c>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns><c>{message: ok, version}</c>.</returns>
    public async Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken = default) =>
        (await _client.Get_healthAsync(cancellationToken).ConfigureAwait(false)).ToModel();

    /// <summary><c>GET /health/db</c>; a failing database throws <see cref="AvatarsApiException"/> (503).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The message (<c>ok</c>).</returns>
    public async Task<string> GetHealthDbAsync(CancellationToken cancellationToken = default) =>
        (await _client.Get_health_dbAsync(cancellationToken).ConfigureAwait(false)).Message;

    /// <summary><c>GET /health/storage</c>; a failing storage throws <see cref="AvatarsApiException"/> (503).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The message (<c>ok</c>).</returns>
    public async Task<string> GetHealthStorageAsync(CancellationToken cancellationToken = default) =>
        (await _client.Get_health_storageAsync(cancellationToken).ConfigureAwait(false)).Message;

    /// <summary><c>GET /check_client</c>: is this SDK version (<c>User-Agent: avatar-dotnet/&lt;version&gt;</c>) accepted.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The server's verdict.</returns>
    public async Task<CheckClientResponse> CheckClientAsync(CancellationToken cancellationToken = default) =>
        (await _client.Check_clientAsync(cancellationToken).ConfigureAwait(false)).ToModel();
}
