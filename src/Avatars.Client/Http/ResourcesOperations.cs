using Avatars.Client.Models;
using G = Avatars.Client.Generated;

namespace Avatars.Client.Http;

/// <summary>Operation group <c>resources</c>: YAML resource sets.</summary>
public sealed class ResourcesOperations
{
    private readonly G.ResourcesClient _client;

    internal ResourcesOperations(G.ResourcesClient client) => _client = client;

    /// <summary><c>PUT /resources/{display_name}</c> with the YAML (<c>application/yaml</c>): creates a new immutable set version.</summary>
    /// <param name="displayName">The set's display name (1–255 characters, no <c>/</c>).</param>
    /// <param name="yaml">The multi-document YAML.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new set id (<c>set_name</c>), version and warnings.</returns>
    public async Task<ResourceSetResponse> PutResourcesAsync(string displayName, string yaml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        ArgumentNullException.ThrowIfNull(yaml);
        return (await _client.Put_resourcesAsync(displayName, yaml, cancellationToken).ConfigureAwait(false)).ToModel();
    }

    /// <summary><c>GET /resources/{set_name}</c>: the YAML byte-for-byte.</summary>
    /// <param name="setName">The set id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The YAML text.</returns>
    public Task<string> GetResourcesAsync(string setName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(setName);
        return _client.Get_resourcesAsync(setName, cancellationToken);
    }

    /// <summary><c>GET /resources</c>: one page of the caller's sets.</summary>
    /// <param name="displayName">Only this display name, or null.</param>
    /// <param name="limit">Page size, or null for the server default.</param>
    /// <param name="cursor">The previous page's <c>next_cursor</c>.</param>
    /// <param name="descending">Newest first when true.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The page.</returns>
    public async Task<ResourceSetListResponse> ListResourcesAsync(string? displayName = null, int? limit = null, string? cursor = null, bool? descending = null, CancellationToken cancellationToken = default)
    {
        var order = descending is null ? null : descending.Value ? "desc" : "asc";
        return (await _client.List_resourcesAsync(displayName, limit, cursor, order, cancellationToken).ConfigureAwait(false)).ToModel();
    }
}
