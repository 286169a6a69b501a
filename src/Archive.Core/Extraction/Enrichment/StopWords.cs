using System.Collections.Frozen;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// Function words per language, read from <c>Extraction/Data/stopwords.tsv</c>: stop words for keywords and entity filtering, and the evidence of the fast language
/// identification path (function words make up a third or more of running prose, and each language's set is
/// distinctive enough that a clear winner over a few hundred words is reliable).
/// </summary>
internal static class StopWords
{
    public static readonly FrozenDictionary<string, FrozenSet<string>> ByLanguage = Build();

    /// <summary>The union of every language's set, for text whose language is unknown.</summary>
    public static readonly FrozenSet<string> Any = ByLanguage.Values.SelectMany(s => s).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The stop words of <paramref name="language"/> (ISO 639-1), or of every language when it is unknown.</summary>
    public static FrozenSet<string> For(string? language) =>
        language is not null && ByLanguage.TryGetValue(language, out var set) ? set : Any;

    /// <summary>The stop words of <paramref name="language"/> and English (keywords leave out both), or of every language when it is unknown.</summary>
    public static FrozenSet<string> WithEnglishFor(string? language) =>
        language is not null && WithEnglish.TryGetValue(language, out var set) ? set : Any;

    private static readonly FrozenDictionary<string, FrozenSet<string>> WithEnglish =
        ByLanguage.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Union(ByLanguage["en"]).ToFrozenSet(StringComparer.Ordinal));

    private static FrozenDictionary<string, FrozenSet<string>> Build()
    {
        // One line per language: its ISO 639-1 code, a tab, the words separated by spaces.
        var lists = ExtractionData.Lines("stopwords.tsv").Select(line => line.Split('\t', 2)).ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

        return lists.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal));
    }
}
