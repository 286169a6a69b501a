using System.Collections.Frozen;
using System.Text;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>The single-word gazetteer lists a token can be on (a bit each).</summary>
[Flags]
internal enum Lexicon : uint
{
    None = 0,
    Role = 1 << 0,
    OrganizationSuffix = 1 << 1,
    OrganizationHead = 1 << 2,
    Demonym = 1 << 3,
    Month = 1 << 4,
    Place = 1 << 5,
    SentenceStarter = 1 << 6,
    Connector = 1 << 7,
    NameParticle = 1 << 8,
    PlacePreposition = 1 << 9,
    AttributionVerb = 1 << 10,
    PlaceNoun = 1 << 11,
    KnownOrganization = 1 << 12,
    NotOrganization = 1 << 13,
    PlaceIntroducer = 1 << 14,

    /// <summary>Every list above.</summary>
    All = (1 << 15) - 1,
}

/// <summary>
/// Every list of <see cref="Lexicon"/> answered by one look-up: a table of the lists' ASCII words keyed by their ASCII
/// uppercase form, each with the lists that hold it case-insensitively (roles, verbs, sentence starters, months) and
/// the exact spellings that the case-sensitive lists hold. A word with other characters is looked up in the one list
/// asked about (<see cref="In"/>): outside ASCII, case-insensitive equality is not a matter of one fold.
/// </summary>
internal static class LexiconTable
{
    /// <summary>No list has a longer word.</summary>
    private const int MaxWordLength = 64;

    private static readonly (Lexicon List, FrozenSet<string> Words)[] Lists =
    [
        (Lexicon.Role, Gazetteer.Roles),
        (Lexicon.OrganizationSuffix, Gazetteer.OrganizationSuffixes),
        (Lexicon.OrganizationHead, Gazetteer.OrganizationHeads),
        (Lexicon.Demonym, Gazetteer.Demonyms),
        (Lexicon.Month, Gazetteer.Months),
        (Lexicon.Place, Gazetteer.Places),
        (Lexicon.SentenceStarter, Gazetteer.SentenceStarters),
        (Lexicon.Connector, Gazetteer.Connectors),
        (Lexicon.NameParticle, Gazetteer.NameParticles),
        (Lexicon.PlacePreposition, Gazetteer.PlacePrepositions),
        (Lexicon.AttributionVerb, Gazetteer.AttributionVerbs),
        (Lexicon.PlaceNoun, Gazetteer.PlaceNouns),
        (Lexicon.KnownOrganization, Gazetteer.KnownOrganizations),
        (Lexicon.NotOrganization, Gazetteer.NotOrganizations),
        (Lexicon.PlaceIntroducer, Gazetteer.PlaceIntroducers),
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>[] Sets =
        [.. Lists.Select(list => list.Words.GetAlternateLookup<ReadOnlySpan<char>>())];

    private static readonly Table Words = new(Lists);

    /// <summary>
    /// The lists <paramref name="word"/> is on, all at once, when it is ASCII (and not longer than any list's word);
    /// false for a word with other characters.
    /// </summary>
    public static bool TryLookUp(ReadOnlySpan<char> word, out Lexicon lists)
    {
        lists = Lexicon.None;
        if (word.Length > MaxWordLength)
        {
            // No list holds a word this long (the table checks it when it is built).
            return true;
        }

        if (!Ascii.IsValid(word))
        {
            return false;
        }

        lists = Words.Find(word);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="word"/> is on <paramref name="list"/> (one list, by its own comparer); also a span of
    /// several words joined by spaces, which places and known organizations hold ("Buenos Aires").
    /// </summary>
    public static bool In(ReadOnlySpan<char> word, Lexicon list) =>
        Sets[System.Numerics.BitOperations.TrailingZeroCount((uint)list)].Contains(word);

    /// <summary>Open addressing over the uppercase keys; a key's exact spellings are few (usually one).</summary>
    private sealed class Table
    {
        private readonly string?[] keys;
        private readonly int[] hashes;
        private readonly Lexicon[] foldedLists;
        private readonly (string Word, Lexicon Lists)[][] exact;
        private readonly int mask;

        public Table((Lexicon List, FrozenSet<string> Words)[] lists)
        {
            var entries = new Dictionary<string, (Lexicon Folded, Dictionary<string, Lexicon> Exact)>(StringComparer.Ordinal);
            foreach (var (list, words) in lists)
            {
                var ignoreCase = ReferenceEquals(words.Comparer, StringComparer.OrdinalIgnoreCase);
                foreach (var word in words)
                {
                    // A token never holds a space, and a word outside ASCII is never matched through this table.
                    if (word.Contains(' '))
                    {
                        continue;
                    }

                    if (word.Length > MaxWordLength)
                    {
                        throw new InvalidOperationException($"The gazetteer word \"{word}\" is longer than {MaxWordLength} characters: raise LexiconTable.MaxWordLength.");
                    }

                    if (!Ascii.IsValid(word))
                    {
                        continue;
                    }

                    var key = word.ToUpperInvariant();
                    if (!entries.TryGetValue(key, out var entry))
                    {
                        entry = (Lexicon.None, new Dictionary<string, Lexicon>(StringComparer.Ordinal));
                    }

                    if (ignoreCase)
                    {
                        entry.Folded |= list;
                    }
                    else
                    {
                        entry.Exact[word] = entry.Exact.GetValueOrDefault(word) | list;
                    }

                    entries[key] = entry;
                }
            }

            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries.Count * 4));
            keys = new string?[size];
            hashes = new int[size];
            foldedLists = new Lexicon[size];
            exact = new (string, Lexicon)[size][];
            mask = size - 1;
            foreach (var (key, (folded, spellings)) in entries)
            {
                var hash = WordTable.Hash(key);
                var slot = hash & mask;
                while (keys[slot] is not null)
                {
                    slot = (slot + 1) & mask;
                }

                keys[slot] = key;
                hashes[slot] = hash;
                foldedLists[slot] = folded;
                exact[slot] = [.. spellings.Select(pair => (pair.Key, pair.Value))];
            }
        }

        /// <summary>The lists an ASCII word of at most <see cref="MaxWordLength"/> characters is on.</summary>
        public Lexicon Find(ReadOnlySpan<char> word)
        {
            // The uppercase form's hash, as the keys were filed (an ASCII word: one fold per character).
            var hash = WordTable.HashSeed;
            foreach (var c in word)
            {
                hash = WordTable.HashStep(hash, char.IsAsciiLetterLower(c) ? (char)(c & ~0x20) : c);
            }

            var h = WordTable.HashResult(hash);
            for (var slot = h & mask; keys[slot] is { } candidate; slot = (slot + 1) & mask)
            {
                if (hashes[slot] != h || !Ascii.EqualsIgnoreCase(word, candidate))
                {
                    continue;
                }

                var lists = foldedLists[slot];
                foreach (var (spelling, exactLists) in exact[slot])
                {
                    if (word.SequenceEqual(spelling))
                    {
                        lists |= exactLists;
                    }
                }

                return lists;
            }

            return Lexicon.None;
        }
    }
}
