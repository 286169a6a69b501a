namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// Invariant lowercasing of single words into a caller's buffer. Characters below U+0530 (the Latin, Greek and
/// Cyrillic blocks) come from a table made with <see cref="char.ToLowerInvariant(char)"/> itself; other characters go
/// through the culture code (a call into ICU per character otherwise).
/// </summary>
internal static class Lowercase
{
    /// <summary>The characters the table covers: Basic Latin to Cyrillic Supplement.</summary>
    public const int TableLength = 0x530;

    private static readonly char[] Table = Enumerable.Range(0, TableLength).Select(c => char.ToLowerInvariant((char)c)).ToArray();

    /// <summary>The invariant lowercase form of <paramref name="c"/>.</summary>
    public static char Char(char c) => c < TableLength ? Table[c] : char.ToLowerInvariant(c);

    /// <summary>Writes the invariant lowercase form of <paramref name="word"/> to <paramref name="lower"/> (as long).</summary>
    public static void Invariant(ReadOnlySpan<char> word, Span<char> lower)
    {
        if (!FromTable(word, lower))
        {
            word.ToLowerInvariant(lower);
        }
    }

    /// <summary>
    /// Lowercases a word of the table's characters in one pass (words are short: no vectorized call pays off); false, with
    /// <paramref name="lower"/> partly written, when the word has other characters.
    /// </summary>
    public static bool FromTable(ReadOnlySpan<char> word, Span<char> lower)
    {
        var table = Table;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (c >= TableLength)
            {
                return false;
            }

            lower[k] = table[c];
        }

        return true;
    }
}
