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

        // Start with the known size (bounded by the cap) plus one byte to see the end; grow by doubling up to cap + 1.
        var limit = (int)Math.Min(maxBytes + 1, Array.MaxLength);
        var buffer = new byte[(int)Math.Clamp((knownLength ?? ChunkSize) + 1, 1, limit)];
        var length = 0;
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
