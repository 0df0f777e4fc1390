using Avatars.Server.Api;

namespace Avatars.Server.Storage;

/// <summary>
/// A read-only view of a request body that counts bytes and throws <c>413 limit_exceeded</c> as soon as more than
/// the upload limit has been read (bodies without <c>Content-Length</c>, or longer than declared).
/// </summary>
internal sealed class UploadSizeLimitStream(Stream inner, long maxBytes) : Stream
{
    private long count;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => count;
        set => throw new NotSupportedException();
    }

    /// <summary>The error of an upload over <paramref name="maxBytes"/>.</summary>
    public static ApiException TooLarge(long maxBytes) =>
        ApiException.TooLarge($"the upload is larger than the limit of {maxBytes} bytes (Limits:MaxUploadBytes)");

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    /// <inheritdoc />
    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Counted(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken));

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Counted(int read)
    {
        count += read;
        if (count > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        return read;
    }
}
