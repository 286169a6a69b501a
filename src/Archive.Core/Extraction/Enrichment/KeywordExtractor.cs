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

    /// <summary>The keywords of words already read (the headline's, then the body's).</summary>
    internal static List<string> Extract(IReadOnlyList<string> declared, ArticleWords words, string? language, int max)
    {
        var (title, body) = (words.Title, words.Body);
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

        var stop = StopWords.WithEnglishFor(language);

        // Every lowercase word seen, stop words included (flagged, so that a word costs one look-up), in order of
        // first appearance (which breaks ties between equal scores).
        var terms = new Dictionary<string, Term>(StringComparer.Ordinal);
        var order = new List<Term>();

        // One pass over the body; a word of the lead (the first paragraph) scores twice.
        var leadEnd = body.IndexOf("\n\n", StringComparison.Ordinal);
        var all = words.Words;
        Count(body, all.Skip(words.TitleCount), 1, occurrences: true, stop, terms, order, leadEnd < 0 ? body.Length : leadEnd);
        if (!string.IsNullOrEmpty(title))
        {
            Count(title, all.Take(words.TitleCount), 3, occurrences: false, stop, terms, order, 0);
        }

        // Fold English plurals into the singular when both forms occur.
        if (language is null or "en")
        {
            FoldPlurals(terms, order);
        }

        // The best terms seen at least twice, by score and then first appearance, each in its usual spelling:
        // lowercase unless written capitalized more often than not.
        var top = order.Where(t => !t.Stop && !t.Removed && t.LowerCount + t.CapitalCount >= 2).OrderByDescending(t => t.Score).Take(MaxComputed);
        foreach (var term in top)
        {
            var surface = (term.CapitalCount > term.LowerCount || term.Lower is null) && term.Capital is not null ? term.Capital : term.Lower!;
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

    /// <summary>
    /// Counts the keyword words of <paramref name="text"/>; when <paramref name="occurrences"/>, text is the body and
    /// new terms are added, and words starting before <paramref name="leadEnd"/> score twice.
    /// </summary>
    private static void Count(string text, IEnumerable<Word> words, int weight, bool occurrences, FrozenSet<string> stop, Dictionary<string, Term> terms, List<Term> order, int leadEnd)
    {
        foreach (var (start, length, hasDigit, whole) in KeywordWords(text, words))
        {
            if (length < 3 || length > MaxWordLength || hasDigit)
            {
                continue;
            }

            // Demonyms are written capitalized ("Russian"): only a capitalized surface can be one.
            var surface = whole ?? text.Substring(start, length);
            var capitalized = char.IsUpper(surface[0]);
            if (capitalized && Gazetteer.Demonyms.Contains(surface))
            {
                continue;
            }

            var key = surface.ToLowerInvariant();
            if (!terms.TryGetValue(key, out var term))
            {
                var isStop = stop.Contains(key);
                if (!isStop && !occurrences)
                {
                    continue;
                }

                term = new Term(key) { Stop = isStop };
                terms.Add(key, term);
                order.Add(term);
            }

            if (term.Stop)
            {
                continue;
            }

            term.Score += start < leadEnd ? weight * 2 : weight;
            if (!occurrences)
            {
                continue;
            }

            if (capitalized)
            {
                term.Capital ??= surface;
                term.CapitalCount++;
            }
            else
            {
                term.Lower ??= surface;
                term.LowerCount++;
            }
        }
    }

    /// <summary>A plural ("talks") whose singular ("talk") was also seen adds its counts to the singular and goes.</summary>
    private static void FoldPlurals(Dictionary<string, Term> terms, List<Term> order)
    {
        foreach (var plural in order)
        {
            if (plural.Stop || plural.Removed || plural.Key.Length <= 4 || plural.Key[^1] != 's')
            {
                continue;
            }

            if (!terms.TryGetValue(plural.Key[..^1], out var singular) || singular.Removed || singular.Stop)
            {
                continue;
            }

            plural.Removed = true;
            singular.Score += plural.Score;
            singular.LowerCount += plural.LowerCount;
            singular.CapitalCount += plural.CapitalCount;
            singular.Lower ??= plural.Lower?[..^1];
            singular.Capital ??= plural.Capital?[..^1];
        }
    }

    /// <summary>
    /// The keyword words of <paramref name="text"/> (each one's possessive "'s" left out), in order. A keyword is a run
    /// of letters and digits that starts with a letter, with - ' ’ inside when a letter follows, so each lies within one
    /// of the words read for the entities: a word of ASCII letters and digits is one keyword as it stands, any other is
    /// read again by the keyword rule (<c>Whole</c> is the word's text when the keyword is the whole word).
    /// </summary>
    private static List<(int Start, int Length, bool HasDigit, string? Whole)> KeywordWords(string text, IEnumerable<Word> words)
    {
        var result = new List<(int Start, int Length, bool HasDigit, string? Whole)>();
        foreach (var word in words)
        {
            if (word.Simple)
            {
                result.Add((word.Start, word.Length, word.HasDigit, word.Text));
                continue;
            }

            var i = word.Start;
            var end = word.RawEnd;
            while (i < end)
            {
                if (!char.IsLetter(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                var hasDigit = false;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        hasDigit |= char.IsAsciiDigit(c);
                    }
                    else if (c is '-' or '\'' or '’')
                    {
                        if (i + 1 >= text.Length || !char.IsLetter(text[i + 1]))
                        {
                            break;
                        }
                    }
                    else if (c < 128 || !char.IsLetterOrDigit(c))
                    {
                        break;
                    }
                    else
                    {
                        hasDigit |= char.IsDigit(c);
                    }

                    i++;
                }

                var length = i - start;
                if (length > 2 && text[i - 1] == 's' && text[i - 2] is '\'' or '’')
                {
                    length -= 2;
                }

                result.Add((start, length, hasDigit, null));
            }
        }

        return result;
    }

    /// <summary>A lowercase word with its score, counts and first spellings.</summary>
    private sealed class Term(string key)
    {
        public string Key { get; } = key;

        public bool Stop { get; init; }

        public bool Removed { get; set; }

        public int Score { get; set; }

        public int LowerCount { get; set; }

        public int CapitalCount { get; set; }

        public string? Lower { get; set; }

        public string? Capital { get; set; }
    }
}
