using System.Collections.Frozen;

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
/// Which lists of <see cref="Lexicon"/> a word (or a span of words joined by spaces) is on, by two look-ups: one in
/// the words of the case-sensitive lists (exact spelling), one in those of the case-insensitive lists (roles, verbs,
/// sentence starters, months), each list answered by its own comparer as the sets would.
/// </summary>
internal static class LexiconTable
{
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

    private static readonly FrozenDictionary<string, Lexicon>.AlternateLookup<ReadOnlySpan<char>> Exact = Build(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Lexicon>.AlternateLookup<ReadOnlySpan<char>> Folded = Build(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every list <paramref name="word"/> is on.</summary>
    public static Lexicon Find(ReadOnlySpan<char> word) =>
        (Exact.TryGetValue(word, out var exact) ? exact : Lexicon.None) | (Folded.TryGetValue(word, out var folded) ? folded : Lexicon.None);

    /// <summary>Whether <paramref name="word"/> (also a span of several words, as places and known organizations hold) is on <paramref name="list"/>.</summary>
    public static bool In(ReadOnlySpan<char> word, Lexicon list) => (Find(word) & list) != 0;

    private static FrozenDictionary<string, Lexicon>.AlternateLookup<ReadOnlySpan<char>> Build(StringComparer comparer)
    {
        var entries = new Dictionary<string, Lexicon>(comparer);
        foreach (var (list, words) in Lists)
        {
            if (ReferenceEquals(words.Comparer, comparer))
            {
                foreach (var word in words)
                {
                    entries[word] = entries.GetValueOrDefault(word) | list;
                }
            }
        }

        return entries.ToFrozenDictionary(comparer).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
