using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;
using Archive.Core.Extraction.Text;

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
        var text = Compose(body);

        // Fold and hash in slices, so that a 50 MB body needs no second full-size copy.
        const int Slice = 16 * 1024;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent((Slice * 3) + 1);
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount((Slice * 3) + 1));
        try
        {
            var state = new FoldState();
            var start = 0;
            while (start < text.Length)
            {
                var end = Math.Min(text.Length, start + Slice);

                // Never split a surrogate pair between slices.
                if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
                {
                    end++;
                }

                var length = Fold(text.AsSpan(start, end - start), chars, ref state);
                var byteCount = Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes);
                hash.AppendData(bytes, 0, byteCount);
                start = end;
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The normalized text the hash is computed over.</summary>
    public static string Normalize(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = Compose(body);
        var rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length + (2 * text.AsSpan().Count('\u2026')) + 1);
        try
        {
            var state = new FoldState();
            var length = Fold(text, rented, ref state);
            return new string(rented, 0, length);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static string Compose(string body)
    {
        if (System.Text.Ascii.IsValid(body))
        {
            return body;
        }

        var valid = WithValidCodePoints(body);
        return IsComposedForSure(valid) || valid.IsNormalized(NormalizationForm.FormC) ? valid : valid.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// True when every character is one NFC leaves alone whatever follows it and none can combine with what precedes
    /// it: below U+0300 (where combining marks begin) or typographic punctuation U+2010-U+2027 (dashes, quotes,
    /// ellipsis). Most text is, and the vectorized scan spares it the normalizer's own check.
    /// </summary>
    private static bool IsComposedForSure(string text)
    {
        var rest = text.AsSpan();
        while (rest.IndexOfAnyExceptInRange('\u0000', '\u02FF') is var next and >= 0)
        {
            if (rest[next] is < '\u2010' or > '\u2027')
            {
                return false;
            }

            rest = rest[(next + 1)..];
        }

        return true;
    }

    /// <summary>
    /// Unpaired surrogates and U+FFFE make .NET's normalization throw (found by fuzzing: a UTF-16 file of noncharacters
    /// lost its whole article); they become U+FFFD, as a decoder would have made them.
    /// </summary>
    private static string WithValidCodePoints(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && !text.Contains('\uFFFE', StringComparison.Ordinal))
        {
            return text;
        }

        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\uD800')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c == '\uFFFE')
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? text : new string(copy);
    }

    /// <summary>Whether anything was written yet and a space is pending, carried from one slice to the next.</summary>
    private struct FoldState
    {
        public bool Started;
        public bool PendingSpace;
    }

    private static int Fold(ReadOnlySpan<char> text, Span<char> output, ref FoldState state)
    {
        var length = 0;
        int pending = state.PendingSpace ? 1 : 0, started = state.Started ? 1 : 0;
        var i = 0;

        // Blocks of 16 printable ASCII characters with single spaces only (most of a body) are lowercased at once;
        // any other block goes through the per-character rules.
        if (Vector256.IsHardwareAccelerated)
        {
            var space = Vector256.Create((ushort)' ');
            var printableWidth = Vector256.Create((ushort)('~' - ' ' + 1));
            var backtick = Vector256.Create((ushort)'`');
            var upperA = Vector256.Create((ushort)'A');
            var alphabet = Vector256.Create((ushort)26);
            var caseBit = Vector256.Create((ushort)0x20);
            for (; i <= text.Length - CharBlocks.Width; i += CharBlocks.Width)
            {
                var block = CharBlocks.Load(text, i);
                var spaces = Vector256.Equals(block, space).ExtractMostSignificantBits();

                // What the block rule cannot fold: a character outside printable ASCII or a backtick, the second of
                // two spaces, or a first space that is not the single space after a written character.
                var odd = (~Vector256.LessThan(block - space, printableWidth) | Vector256.Equals(block, backtick)).ExtractMostSignificantBits();
                var doubled = spaces & (spaces >> 1);
                var leadingSpace = (spaces & 1) != 0 && !(pending == 0 && started == 1);
                if ((odd | doubled) != 0 || leadingSpace)
                {
                    // The characters up to the first that needs the rules go through them; blocks resume after it.
                    var first = Math.Min(BitOperations.TrailingZeroCount(odd | 0x10000), BitOperations.TrailingZeroCount(doubled | 0x10000) + 1);
                    var through = leadingSpace ? 1 : Math.Min(first + 1, CharBlocks.Width);
                    length = FoldCharacters(text.Slice(i, through), output, length, ref pending, ref started);
                    i += through - CharBlocks.Width;
                    continue;
                }

                if (pending == 1)
                {
                    output[length++] = ' ';
                }

                var lower = block | (Vector256.LessThan(block - upperA, alphabet) & caseBit);
                lower.CopyTo(MemoryMarshal.Cast<char, ushort>(output[length..]));

                // A space at the end stays pending, as the character rules keep it until something follows.
                pending = (int)(spaces >> (CharBlocks.Width - 1));
                length += CharBlocks.Width - pending;
                started = 1;
            }
        }

        length = FoldCharacters(text[i..], output, length, ref pending, ref started);
        state.PendingSpace = pending == 1;
        state.Started = started == 1;
        return length;
    }

    private static int FoldCharacters(ReadOnlySpan<char> text, Span<char> output, int length, ref int pending, ref int started)
    {
        var folded = FoldedAscii;
        var white = AsciiWhiteSpace;
        foreach (var c in text)
        {
            if (c < '\u007F')
            {
                // Without branches on the characters (word ends are unpredictable): a space is written
                // speculatively and kept only when one is pending before a non-space; the output has room for it.
                var isSpace = white[c];
                var other = isSpace ^ 1;
                output[length] = ' ';
                length += pending & other;
                output[length] = folded[c];
                length += other;
                pending = isSpace & started;
                started |= other;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pending = started;
                continue;
            }

            // Soft hyphens and zero-width characters vanish, as they do from a body.
            if (TextLines.IsInvisible(c))
            {
                continue;
            }

            string? replacement = c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' => "'",
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => "\"",
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
                '\u2026' => "...",
                _ => null,
            };

            if (pending == 1)
            {
                output[length++] = ' ';
                pending = 0;
            }

            if (replacement is not null)
            {
                replacement.CopyTo(output[length..]);
                length += replacement.Length;
            }
            else
            {
                output[length++] = Lowercase.Char(c);
            }

            started = 1;
        }

        return length;
    }

    /// <summary>ASCII below U+007F folded: lowercase, the backtick as an apostrophe.</summary>
    private static readonly char[] FoldedAscii = Enumerable.Range(0, 0x7F).Select(c => c == '`' ? '\'' : Lowercase.Char((char)c)).ToArray();

    /// <summary>1 for ASCII whitespace below U+007F, else 0.</summary>
    private static readonly int[] AsciiWhiteSpace = Enumerable.Range(0, 0x7F).Select(c => char.IsWhiteSpace((char)c) ? 1 : 0).ToArray();
}
