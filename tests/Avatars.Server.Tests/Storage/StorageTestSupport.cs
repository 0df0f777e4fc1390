using System.Security.Cryptography;
using Avatars.Server.Hosting;
using Avatars.Server.Storage;

namespace Avatars.Server.Tests.Storage;

/// <summary>Small helpers of the storage tests.</summary>
internal static class StorageTestSupport
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static StorageUrlSigner NewSigner() =>
        new(SigningKeys.Load(new AvatarsServerOptions { Security = { SigningSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) } }));

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public static async Task<byte[]> ReadAllAsync(IObjectStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, Ct);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }

    public static async Task<List<StoredObjectInfo>> ListAllAsync(IObjectStore store, string prefix)
    {
        var items = new List<StoredObjectInfo>();
        await foreach (var item in store.ListAsync(prefix, Ct))
        {
            items.Add(item);
        }

        return [.. items.OrderBy(i => i.Key, StringComparer.Ordinal)];
    }
}

/// <summary>A clock standing still at a chosen instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A read-only stream that cannot seek and has no length (a request body sent chunked).</summary>
internal sealed class NonSeekableStream(byte[] data) : Stream
{
    private readonly MemoryStream inner = new(data);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 7919));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
