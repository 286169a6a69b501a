namespace Archive.Core.Extraction.Enrichment;

/// <summary>Invariant lowercasing of single words into a caller's buffer, with an ASCII shortcut.</summary>
internal static class Lowercase
{
    /// <summary>Writes the invariant lowercase form of <paramref name="word"/> to <paramref name="lower"/> (as long).</summary>
    public static void Invariant(ReadOnlySpan<char> word, Span<char> lower)
    {
        if (!Ascii(word, lower))
        {
            word.ToLowerInvariant(lower);
        }
    }

    /// <summary>
    /// Lowercases an ASCII word in one pass (words are short: no vectorized call pays off); false, with
    /// <paramref name="lower"/> partly written, when the word is not ASCII.
    /// </summary>
    public static bool Ascii(ReadOnlySpan<char> word, Span<char> lower)
    {
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (c >= 128)
            {
                return false;
            }

            lower[k] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        return true;
    }
}
