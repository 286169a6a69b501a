namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// A fixed set of lowercase words, each with a number, in an open-addressing table keyed by <see cref="Hash"/>. A
/// reader that lowercases a word with <see cref="LowerAndHash"/> has its hash for free, so a look-up is a probe or two
/// and one comparison (a frozen dictionary would hash the word again). Built once; read by any number of threads.
/// </summary>
internal sealed class WordTable
{
    /// <summary>Where <see cref="Hash"/> starts, for a reader that hashes characters as it goes (<see cref="HashStep"/>, then <see cref="HashResult"/>).</summary>
    public const uint HashSeed = 2166136261u;

    private readonly string?[] words;
    private readonly int[] hashes;
    private readonly int[] values;
    private readonly int mask;

    /// <summary>A table of <paramref name="entries"/>; a word given twice keeps its first value.</summary>
    public WordTable(IEnumerable<KeyValuePair<string, int>> entries)
    {
        var distinct = entries.DistinctBy(entry => entry.Key, StringComparer.Ordinal).ToArray();
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, distinct.Length * 4));
        words = new string?[size];
        hashes = new int[size];
        values = new int[size];
        mask = size - 1;
        foreach (var (word, value) in distinct)
        {
            var hash = Hash(word);
            var slot = hash & mask;
            while (words[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            (words[slot], hashes[slot], values[slot]) = (word, hash, value);
        }
    }

    /// <summary>A table of <paramref name="words"/> (each with the value 1), for membership tests.</summary>
    public static WordTable Of(IEnumerable<string> words) => new(words.Select(word => KeyValuePair.Create(word, 1)));

    /// <summary>Whether <paramref name="lower"/>, whose <see cref="Hash"/> is <paramref name="hash"/>, is in the table.</summary>
    public bool Contains(ReadOnlySpan<char> lower, int hash) => TryGetValue(lower, hash, out _);

    /// <summary>The value of <paramref name="lower"/>, whose <see cref="Hash"/> is <paramref name="hash"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> lower, int hash, out int value)
    {
        for (var slot = hash & mask; words[slot] is { } word; slot = (slot + 1) & mask)
        {
            if (hashes[slot] == hash && lower.SequenceEqual(word))
            {
                value = values[slot];
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>The hash a word is filed under: FNV-1a of its characters, non-negative.</summary>
    public static int Hash(ReadOnlySpan<char> key)
    {
        var hash = HashSeed;
        foreach (var c in key)
        {
            hash = HashStep(hash, c);
        }

        return HashResult(hash);
    }

    /// <summary><see cref="Hash"/>'s step for one more character.</summary>
    public static uint HashStep(uint hash, char c) => (hash ^ c) * 16777619u;

    /// <summary><see cref="Hash"/>'s value once every character went through <see cref="HashStep"/>.</summary>
    public static int HashResult(uint hash) => (int)(hash & 0x7FFFFFFF);

    /// <summary>
    /// Writes the invariant lowercase of <paramref name="word"/> to <paramref name="key"/> (as long) and returns the
    /// key's <see cref="Hash"/>, computed as the characters are written when they are in <see cref="Lowercase"/>'s
    /// table (Latin, Greek, Cyrillic).
    /// </summary>
    public static int LowerAndHash(ReadOnlySpan<char> word, Span<char> key)
    {
        var hash = HashSeed;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            char lower;
            if (char.IsAscii(c))
            {
                lower = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
            else if (c < Lowercase.TableLength)
            {
                lower = Lowercase.Char(c);
            }
            else
            {
                Lowercase.Invariant(word, key);
                return Hash(key);
            }

            key[k] = lower;
            hash = HashStep(hash, lower);
        }

        return HashResult(hash);
    }
}
