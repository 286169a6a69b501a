using System.Globalization;

namespace Archive.Core.Extraction.Pipeline;

/// <summary>Reads an input stream into memory without ever holding more than the size cap.</summary>
internal static class BoundedInput
{
    private const int ChunkSize = 81_920;

    /// <summary>
    /// Reads <paramref name="content"/> whole, or fails with <c>too_large</c>: first from the declared length, then
    /// from <see cref="Stream.Length"/> when the stream can seek (neither reads a byte), and otherwise after reading
    /// at most <paramref name="maxBytes"/> + 1 bytes.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Stream content, long? declaredLength, long maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength is { } declared && declared > maxBytes)
        {
            throw TooLarge(declared, maxBytes);
        }

        long? knownLength = declaredLength;
        if (content.CanSeek)
        {
            long remaining;
            try
            {
                remaining = content.Length - content.Position;
            }
            catch (NotSupportedException)
            {
                remaining = -1;
            }

            if (remaining > maxBytes)
            {
                throw TooLarge(remaining, maxBytes);
            }

            if (remaining >= 0)
            {
                knownLength = remaining;
            }
        }

        var limit = (int)Math.Min(maxBytes + 1, Array.MaxLength);

        // A known length: read exactly that much into an array of that size, then check with a one-byte read that
        // the stream really ends there (no copy of the content at the end).
        if (knownLength is { } exact and > 0 and <= int.MaxValue)
        {
            var whole = new byte[exact];
            var filled = 0;
            while (filled < whole.Length)
            {
                var got = await content.ReadAsync(whole.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (got == 0)
                {
                    break;
                }

                filled += got;
            }

            var probe = new byte[1];
            if (filled == whole.Length && await content.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0)
            {
                return whole;
            }

            if (filled < whole.Length)
            {
                // Shorter than declared: what was read is the content.
                Array.Resize(ref whole, filled);
                return whole;
            }

            // Longer than declared: continue with the growing read below, keeping what is already in memory.
            if (whole.Length + 1 > maxBytes)
            {
                throw TooLarge(null, maxBytes);
            }

            var grown = new byte[Math.Min(limit, Math.Max(whole.Length * 2L, ChunkSize))];
            whole.CopyTo(grown, 0);
            grown[whole.Length] = probe[0];
            return await ReadRestAsync(content, grown, whole.Length + 1, limit, maxBytes, cancellationToken).ConfigureAwait(false);
        }

        // Unknown length: grow by doubling up to cap + 1.
        return await ReadRestAsync(content, new byte[(int)Math.Clamp(ChunkSize, 1, limit)], 0, limit, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadRestAsync(Stream content, byte[] buffer, int length, int limit, long maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length >= limit)
                {
                    throw TooLarge(null, maxBytes);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            }

            var read = await content.ReadAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > maxBytes)
            {
                throw TooLarge(null, maxBytes);
            }
        }

        if (length != buffer.Length)
        {
            Array.Resize(ref buffer, length);
        }

        return buffer;
    }

    private static ExtractionFailureException TooLarge(long? size, long maxBytes) =>
        new(
            ExtractionErrorCodes.TooLarge,
            size is { } known
                ? string.Create(CultureInfo.InvariantCulture, $"The input is {known:N0} bytes; the limit is {maxBytes:N0} bytes.")
                : string.Create(CultureInfo.InvariantCulture, $"The input is larger than the limit of {maxBytes:N0} bytes."));
}
