namespace Archive.Extraction.Tooling.Hostile;

/// <summary>
/// A read-only stream of <see cref="Length"/> bytes of plain text (lines of words) made up as it is read, so that a
/// 200 MB input costs no memory. It seeks (and tells its length) only when asked to; it counts the bytes read.
/// </summary>
public sealed class GeneratedStream(long length, bool seekable) : Stream
{
    private static readonly byte[] Pattern = "The same line of an endless article, written again and again. \n"u8.ToArray();

    private long position;

    /// <summary>How many bytes callers have read.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? length : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? position : throw new NotSupportedException();
        set => position = seekable ? Math.Clamp(value, 0, length) : throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = Pattern[(int)((position + i) % Pattern.Length)];
        }

        position += count;
        BytesRead += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!seekable)
        {
            throw new NotSupportedException();
        }

        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
