using System.Collections.Frozen;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// Salient terms: words of three letters or more, minus stop words (of the detected language, and English) and
/// demonyms, counted with a boost for words in the headline and the lead; English plurals fold into their singular
/// when both occur. Declared keywords come first; computed ones (at least two occurrences) fill up to the limit.
/// Each keyword keeps its usual spelling (lowercase unless the word is always capitalized).
/// </summary>
internal static class KeywordExtractor
{
    private const int MaxComputed = 10;
    private const int MaxWordLength = 40;

    public static List<string> Extract(IReadOnlyList<string> declared, string? title, string body, string? language, int max)
    {
        var result = new List<string>();
        foreach (var keyword in declared)
        {
            var clean = keyword.Trim().Trim('#').Trim();
            if (clean.Length > 0 && clean.Length <= 80 && !result.Contains(clean, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(clean);
                if (result.Count >= max)
                {
                    return result;
                }
            }
        }

        var stopWords = StopWords.For(language);
        var stop = new StopTest(stopWords, ReferenceEquals(stopWords, EnglishStopWords) ? null : EnglishStopWords);

        // Every lowercase word seen, stop words included (as the shared StopTerm), so that a word costs one lookup.
        var counts = new Dictionary<string, Term>(Math.Min(1024, body.Length / 16 + 16), StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var leadEnd = body.IndexOf("\n\n", StringComparison.Ordinal);
        Count(body.AsSpan(), 1, occurrences: true, stop, lookup);
        Count(body.AsSpan(0, leadEnd < 0 ? body.Length : leadEnd), 1, occurrences: false, stop, lookup);
        if (!string.IsNullOrEmpty(title))
        {
            Count(title.AsSpan(), 3, occurrences: false, stop, lookup);
        }

        // Fold English plurals into the singular when both forms occur.
        if (language is null or "en")
        {
            foreach (var key in counts.Keys.ToList())
            {
                if (key.Length > 4 && key.EndsWith('s') && lookup.TryGetValue(key.AsSpan(0, key.Length - 1), out var singular) && singular != StopTerm
                    && counts.TryGetValue(key, out var plural) && plural != StopTerm && counts.Remove(key))
                {
                    singular.Merge(plural);
                }
            }
        }

        var computed = counts.Values
            .Where(t => t != StopTerm && t.Occurrences >= 2)
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Order)
            .Take(MaxComputed);
        foreach (var term in computed)
        {
            var surface = term.Surface;
            if (!result.Contains(surface, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(surface);
                if (result.Count >= max)
                {
                    break;
                }
            }
        }

        return result;
    }

    private static void Count(
        ReadOnlySpan<char> text,
        int weight,
        bool occurrences,
        StopTest stop,
        Dictionary<string, Term>.AlternateLookup<ReadOnlySpan<char>> counts)
    {
        Span<char> lower = stackalloc char[MaxWordLength];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hasDigit = false;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '-' or '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                hasDigit |= char.IsDigit(text[i]);
                i++;
            }

            var surface = text[start..i];
            if (surface.EndsWith("'s") || surface.EndsWith("’s"))
            {
                surface = surface[..^2];
            }

            if (surface.Length < 3 || surface.Length > MaxWordLength || hasDigit)
            {
                continue;
            }

            var key = lower[..surface.Length];
            if (System.Text.Ascii.IsValid(surface))
            {
                System.Text.Ascii.ToLower(surface, key, out _);
            }
            else
            {
                surface.ToLowerInvariant(key);
            }

            // Demonyms are written capitalized ("Russian"): only a capitalized surface can be one.
            if (char.IsUpper(surface[0]) && DemonymLookup.Contains(surface))
            {
                continue;
            }

            if (!counts.TryGetValue(key, out var term))
            {
                if (stop.Contains(key))
                {
                    counts[key] = StopTerm;
                    continue;
                }

                if (!occurrences)
                {
                    continue;
                }

                term = new Term(counts.Dictionary.Count);
                counts[key] = term;
            }
            else if (term == StopTerm)
            {
                continue;
            }

            term.Score += weight;
            if (occurrences)
            {
                term.Add(surface);
            }
        }
    }

    private static readonly FrozenSet<string> EnglishStopWords = StopWords.ByLanguage["en"];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DemonymLookup = Gazetteer.Demonyms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Marks a stop word in the counts: one shared instance, never scored or returned.</summary>
    private static readonly Term StopTerm = new(-1);

    /// <summary>The stop words of the article's language, and English ones too (English words appear in every language's news).</summary>
    private readonly struct StopTest(FrozenSet<string> language, FrozenSet<string>? english)
    {
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> language = language.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>? english = english?.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool Contains(ReadOnlySpan<char> lower) => language.Contains(lower) || (english is { } e && e.Contains(lower));
    }

    private sealed class Term(int order)
    {
        private string? lowerSurface;
        private string? capitalSurface;
        private int lowerCount;
        private int capitalCount;

        public int Order { get; } = order;

        public int Score { get; set; }

        public int Occurrences => lowerCount + capitalCount;

        /// <summary>Lowercase unless the word is written capitalized more often than not (a name).</summary>
        public string Surface => capitalCount > lowerCount || lowerSurface is null ? capitalSurface ?? lowerSurface! : lowerSurface;

        public void Add(ReadOnlySpan<char> surface)
        {
            if (char.IsUpper(surface[0]))
            {
                capitalSurface ??= surface.ToString();
                capitalCount++;
            }
            else
            {
                lowerSurface ??= surface.ToString();
                lowerCount++;
            }
        }

        public void Merge(Term other)
        {
            Score += other.Score;
            lowerCount += other.lowerCount;
            capitalCount += other.capitalCount;
            if (lowerSurface is null && other.lowerSurface is not null)
            {
                lowerSurface = other.lowerSurface[..^1];
            }

            if (capitalSurface is null && other.capitalSurface is not null)
            {
                capitalSurface = other.capitalSurface[..^1];
            }
        }
    }
}
