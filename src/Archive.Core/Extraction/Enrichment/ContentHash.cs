using System.Security.Cryptography;
using System.Text;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// The content hash: SHA-256 (lowercase hex) of the body after normalization, so that one article saved in
/// different formats hashes the same when the words are the same. Normalization: Unicode NFC; typographic quotes,
/// apostrophes, dashes, ellipses and non-breaking spaces folded to their ASCII forms (word processors and Markdown
/// renderers "smarten" them); soft hyphens and zero-width characters dropped; case folded (invariant lowercase);
/// every run of whitespace, paragraph breaks included, collapsed to one space.
/// </summary>
public static class ContentHash
{
    /// <summary>The hash of <paramref name="body"/>.</summary>
    public static string Compute(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var normalized = Normalize(body);
        var max = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        var rented = max <= 4096 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[4096];
            var length = Encoding.UTF8.GetBytes(normalized, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The normalized text the hash is computed over.</summary>
    public static string Normalize(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = System.Text.Ascii.IsValid(body) || body.IsNormalized(NormalizationForm.FormC) ? body : body.Normalize(NormalizationForm.FormC);
        var rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length + (2 * text.AsSpan().Count('\u2026')) + 1);
        try
        {
            var length = Fold(text, rented);
            return new string(rented, 0, length);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int Fold(string text, Span<char> output)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c < '\u007F')
            {
                if (c <= ' ')
                {
                    if (char.IsWhiteSpace(c))
                    {
                        pendingSpace = length > 0;
                        continue;
                    }
                }

                if (pendingSpace)
                {
                    output[length++] = ' ';
                    pendingSpace = false;
                }

                output[length++] = c == '`' ? '\'' : char.ToLowerInvariant(c);
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            string? replacement = c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' => "'",
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => "\"",
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
                '\u2026' => "...",
                '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => string.Empty,
                _ => null,
            };

            if (replacement is { Length: 0 })
            {
                continue;
            }

            if (pendingSpace)
            {
                output[length++] = ' ';
                pendingSpace = false;
            }

            if (replacement is not null)
            {
                replacement.CopyTo(output[length..]);
                length += replacement.Length;
            }
            else
            {
                output[length++] = char.ToLowerInvariant(c);
            }
        }

        return length;
    }
}
