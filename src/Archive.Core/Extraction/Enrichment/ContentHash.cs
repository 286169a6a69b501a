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

        // Folded and hashed in slices, so that a 50 MB body needs no second full-size copy.
        const int Slice = 16 * 1024;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var folder = new Folder();
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + Slice);

            // Never split a surrogate pair between slices.
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end++;
            }

            folder.Fold(text.AsSpan(start, end - start));
            hash.AppendData(Encoding.UTF8.GetBytes(folder.Take()));
            start = end;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The normalized text the hash is computed over.</summary>
    public static string Normalize(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var folder = new Folder();
        folder.Fold(Compose(body));
        return folder.Take();
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

    /// <summary>
    /// Folds text into its hashed form: typographic punctuation to ASCII, invisible characters dropped, invariant
    /// lowercase, each run of whitespace between written characters one space. Keeps whether a space is pending
    /// from one slice to the next.
    /// </summary>
    private sealed class Folder
    {
        private readonly StringBuilder output = new();
        private bool started;
        private bool pendingSpace;

        public void Fold(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = started;
                    continue;
                }

                // Soft hyphens and zero-width characters vanish, as they do from a body.
                if (TextLines.IsInvisible(c))
                {
                    continue;
                }

                if (pendingSpace)
                {
                    output.Append(' ');
                    pendingSpace = false;
                }

                started = true;
                switch (c)
                {
                    case '`' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4':
                        output.Append('\'');
                        break;
                    case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                        output.Append('"');
                        break;
                    case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                        output.Append('-');
                        break;
                    case '\u2026':
                        output.Append("...");
                        break;
                    default:
                        output.Append(char.ToLowerInvariant(c));
                        break;
                }
            }
        }

        /// <summary>What was folded since the last call.</summary>
        public string Take()
        {
            var text = output.ToString();
            output.Clear();
            return text;
        }
    }
}
