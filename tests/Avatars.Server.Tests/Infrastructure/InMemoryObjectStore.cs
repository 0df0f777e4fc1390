using Avatars.Server.Tests.Infrastructure;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Avatars.Server.Storage;

namespace Avatars.Server.Tests.Infrastructure;

/// <summary>
/// An <see cref="IObjectStore"/> double holding objects in memory for service-level tests: reads are non-seekable like an
/// S3 body; signed URLs are fake but deterministic.
/// </summary>
internal sealed class InMemoryObjectStore(TimeProvider? clock = null) : IObjectStore
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    private readonly ConcurrentDictionary<string, (byte[] Content, DateTimeOffset Modified)> objects = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => [.. objects.Keys];

    public void Put(string key, byte[] content, DateTimeOffset? modified = null) => objects[key] = (content, modified ?? time.GetUtcNow());

    public byte[] Get(string key) => objects[key].Content;

    public Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(objects.TryGetValue(key, out var o) ? new StoredObjectInfo(key, o.Content.Length, o.Modified, null) : null);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        objects.TryGetValue(key, out var o)
            ? Task.FromResult<Stream>(new ForwardOnlyStream(new MemoryStream(o.Content, writable: false)))
            : Task.FromException<Stream>(new StorageObjectNotFoundException(key));

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

    /// <summary>A read-only, non-seekable view (object storage bodies cannot seek).</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
