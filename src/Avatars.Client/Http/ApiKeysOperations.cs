using Avatars.Client.Models;
using G = Avatars.Client.Generated;

namespace Avatars.Client.Http;

/// <summary>Operation group <c>api-keys</c>.</summary>
public sealed class ApiKeysOperations
{
    private readonly G.ApiKeysClient _client;

    internal ApiKeysOperations(G.ApiKeysClient client) => _client = client;

    /// <summary>
    /// <c>POST /api-keys</c> (password login only). The <c>201</c> body is always returned as is, never replaced by
    /// following a <c>Location</c> header (sdk.md §5.3 #9): the plaintext is only in this body, the key's own URL never
    /// returns it.
    /// </summary>
    /// <param name="name">1–255 characters.</param>
    /// <param name="expirationDays">30, 60, 120 or 365.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The key and its plaintext (shown once).</returns>
    public async Task<CreatedApiKey> CreateAsync(string name, int expirationDays, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var body = new G.CreateApiKeyRequest { Name = name, Expiration_days = expirationDays };
        return (await _client.Create_api_keyAsync(body, cancellationToken).ConfigureAwait(false)).ToModel();
    }

    /// <summary><c>GET /api-keys</c>: the caller's keys, newest first.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The keys.</returns>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        (await _client.Get_api_keysAsync(cancellationToken).ConfigureAwait(false)).Select(k => k.ToModel()).ToArray();

    /// <summary><c>GET /api-keys/{id}</c>.</summary>
    /// <param name="id">Key id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The key.</returns>
    public async Task<ApiKey> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await _client.Get_api_keyAsync(id, cancellationToken).ConfigureAwait(false)).ToModel();

    /// <summary><c>DELETE /api-keys/{id}</c>: revokes one key.</summary>
    /// <param name="id">Key id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The revoked key.</returns>
    public async Task<ApiKey> RevokeAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await _client.Revoke_api_keyAsync(id, cancellationToken).ConfigureAwait(false)).ToModel();

    /// <summary><c>DELETE /api-keys</c>: revokes all the caller's active keys.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The revoked keys.</returns>
    public async Task<IReadOnlyList<ApiKey>> RevokeAllAsync(CancellationToken cancellationToken = default) =>
        (await _client.Revoke_all_api_keysAsync(cancellationToken).ConfigureAwait(false)).Select(k => k.ToModel()).ToArray();
}
