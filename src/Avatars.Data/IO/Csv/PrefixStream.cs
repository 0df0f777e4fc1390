namespace Avatars.Data.IO.Csv;

/// <summary>
/// A read-only stream that first returns bytes already read from an inner stream (the sniffed prefix)
/// and then the rest of the inner stream. It does not own the inner stream.
/// </summary>
internal sealed class PrefixStream : Stream
{
    private readonly byte[] prefix;
    private readonly int prefixEnd;
    private readonly Stream inner;
    private int prefixPosition;

    public PrefixStream(byte[] prefix, int start, int end, Stream inner)
    {
        this.prefix = prefix;
        prefixPosition = start;
        prefixEnd = end;
        this.inner = inner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (prefixPosition < prefixEnd)
        {
            return TakePrefix(buffer);
        }

        return inner.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (prefixPosition < prefixEnd)
        {
            return ValueTask.FromResult(TakePrefix(buffer.Span));
        }

        return inner.ReadAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int TakePrefix(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, prefixEnd - prefixPosition);
        prefix.AsSpan(prefixPosition, count).CopyTo(buffer);
        prefixPosition += count;
        return count;
    }
}
