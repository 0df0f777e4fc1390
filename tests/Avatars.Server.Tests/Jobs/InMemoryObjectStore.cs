using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Avatars.Server.Storage;

namespace Avatars.Server.Tests.Jobs;

/// <summary>An <see cref="IObjectStore"/> double holding objects in memory; signed URLs are fake but deterministic.</summary>
internal sealed class InMemoryObjectStore(TimeProvider time) : IObjectStore
{
    private readonly ConcurrentDictionary<string, (byte[] Content, DateTimeOffset Modified)> objects = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => [.. objects.Keys];

    public void Put(string key, byte[] content, DateTimeOffset? modified = null) => objects[key] = (content, modified ?? time.GetUtcNow());

    public byte[] Get(string key) => objects[key].Content;

    public Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(objects.TryGetValue(key, out var o) ? new StoredObjectInfo(key, o.Content.Length, o.Modified, null) : null);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        objects.TryGetValue(key, out var o) ? Task.FromResult<Stream>(new MemoryStream(o.Content, writable: false)) : throw new StorageObjectNotFoundException(key);

    public async Task<StoredObjectInfo> WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var modified = time.GetUtcNow();
        objects[key] = (buffer.ToArray(), modified);
        return new StoredObjectInfo(key, buffer.Length, modified, null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        objects.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        foreach (var key in objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            objects.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (key, o) in objects.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return new StoredObjectInfo(key, o.Content.Length, o.Modified, null);
        }
    }

    public Uri CreateSignedUrl(string key, SignedUrlMethod method, DateTimeOffset expiresAt, Uri publicBaseUrl, string? downloadFileName = null) =>
        new(publicBaseUrl, "api/storage/" + key + "?method=" + method.ToString().ToLowerInvariant());
}
