using System.Collections.Frozen;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>People, places and organizations named in an article.</summary>
internal sealed record Entities(IReadOnlyList<string> People, IReadOnlyList<string> Places, IReadOnlyList<string> Organizations);

/// <summary>
/// Finds named entities with transparent heuristics rather than a model: capitalized spans (with "of"/"for" and
/// name particles inside), split at titles and roles ("Armenian Prime Minister Nikol Pashinyan" → Nikol Pashinyan),
/// then classified: organizations by suffix or head word (Council, Court, Ministry of, CJSC, Inc, University, ...)
/// or by a list of well-known ones and acronyms; places by the gazetteer, by a place noun after them ("the Tigris
/// valley") or "the city of X"; people by evidence (a role before them, a verb of attribution next to them, or their
/// surname reported elsewhere). A lone surname is folded into the full name seen elsewhere.
/// </summary>
internal static class EntityExtractor
{
    /// <summary>The entities of words already read (the headline's, then the body's).</summary>
    internal static Entities Extract(ArticleWords words, string? language, int maxPerKind)
    {
        var tokens = new Tokens(words.Words, StopWords.For(language));
        var lowercaseWords = new LowercaseWords(words.Title, words.Body);

        var people = new List<(string Name, bool Evidence)>();
        var places = new List<string>();
        var organizations = new List<string>();
        var evidencedSurnames = new HashSet<string>(StringComparer.Ordinal);

        var i = 0;
        while (i < tokens.Length)
        {
            if (!tokens[i].Capitalized)
            {
                i++;
                continue;
            }

            // The span: capitalized tokens without a break between them, with connectors inside.
            var start = i;
            var end = i + 1;
            while (end < tokens.Length && !tokens[end].BreakBefore && !tokens[end - 1].Possessive)
            {
                if (tokens[end].Capitalized)
                {
                    end++;
                    continue;
                }

                // "of"/"for" (and "of the") inside organization names, particles inside person names.
                var connectorEnd = end;
                while (connectorEnd < tokens.Length && connectorEnd - end < 2 && !tokens[connectorEnd].Capitalized
                    && !tokens[connectorEnd].BreakBefore && tokens.Is(connectorEnd, Lexicon.Connector))
                {
                    connectorEnd++;
                }

                if (connectorEnd > end && connectorEnd < tokens.Length && tokens[connectorEnd].Capitalized && !tokens[connectorEnd].BreakBefore
                    && AllowsConnector(tokens, start, end))
                {
                    end = connectorEnd + 1;
                    continue;
                }

                break;
            }

            Classify(tokens, start, end, lowercaseWords, people, places, organizations, evidencedSurnames);
            i = end;
        }

        return new Entities(
            FinishPeople(people, evidencedSurnames, places, organizations, maxPerKind),
            Distinct(places, maxPerKind),
            Distinct(organizations, maxPerKind));
    }

    /// <summary>Whether the connector at <paramref name="end"/> may continue the span from <paramref name="start"/>.</summary>
    private static bool AllowsConnector(Tokens tokens, int start, int end)
    {
        if (tokens.Is(end, Lexicon.NameParticle))
        {
            return true;
        }

        // "of"/"for"/"on" only continue an organization: a head or suffix word must stand before them.
        for (var k = start; k < end; k++)
        {
            if (tokens[k].Capitalized && (tokens.Is(k, Lexicon.OrganizationHead) || tokens.Is(k, Lexicon.OrganizationSuffix)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Classify(
        Tokens tokens,
        int start,
        int end,
        LowercaseWords lowercaseWords,
        List<(string Name, bool Evidence)> people,
        List<string> places,
        List<string> organizations,
        HashSet<string> evidencedSurnames)
    {
        // Leading words that only start a sentence ("Earlier", "When", "The") or are dates.
        while (start < end)
        {
            var first = tokens[start];
            var common = tokens.Is(start, Lexicon.Month)
                || (first.SentenceStart && (tokens.Is(start, Lexicon.SentenceStarter) || tokens.IsStopWord(start) || lowercaseWords.Contains(tokens.Text(start))));
            if (!common)
            {
                break;
            }

            start++;
        }

        while (end > start && (tokens.Is(end - 1, Lexicon.Month) || tokens.Is(end - 1, Lexicon.Connector)))
        {
            end--;
        }

        if (start >= end)
        {
            return;
        }

        // The words around the span, when no break separates them (-1 when there is none).
        var before = start > 0 && !tokens[start].BreakBefore ? start - 1 : -1;
        var before2 = start > 1 && before >= 0 && !tokens[start - 1].BreakBefore ? start - 2 : -1;
        var after = end < tokens.Length && !tokens[end].BreakBefore && !tokens[end - 1].Possessive ? end : -1;

        // 1. A role inside the span splits it: "Prime Minister Nikol Pashinyan", "Foreign Ministry Spokesperson Maria Zakharova".
        for (var r = end - 2; r >= start; r--)
        {
            if (!tokens.Is(r, Lexicon.Role))
            {
                continue;
            }

            var nameStart = r + 1;
            if (end - nameStart is >= 1 and <= 4 && AllNameLike(tokens, nameStart, end))
            {
                if (r > start)
                {
                    ClassifyNonPerson(tokens, start, r + 1, before, -1, places, organizations);
                }

                AddPerson(tokens, nameStart, end, evidence: true, people, evidencedSurnames);
                return;
            }

            break;
        }

        // 2. Organizations, 3. places.
        if (ClassifyNonPerson(tokens, start, end, before, after, places, organizations))
        {
            return;
        }

        // Demonyms and roles in front of a name carry no name ("Russian", "Armenian").
        while (start < end && (tokens.Is(start, Lexicon.Demonym) || tokens.Is(start, Lexicon.Role)))
        {
            start++;
        }

        if (start >= end || !AllNameLike(tokens, start, end))
        {
            return;
        }

        // 4. People, with evidence: a role or attribution verb before, an attribution verb after, "according to".
        var evidence = (before >= 0 && (tokens.Is(before, Lexicon.Role) || tokens.Is(before, Lexicon.AttributionVerb)))
            || (after >= 0 && tokens.Is(after, Lexicon.AttributionVerb))
            || (before >= 0 && before2 >= 0 && tokens.IsText(before, "to") && tokens.IsText(before2, "according"));

        // 5. A place after "in"/"near" when nothing else claims a short span.
        if (!evidence && before >= 0 && tokens.Is(before, Lexicon.PlacePreposition) && end - start == 1 && !tokens[start].AllCaps)
        {
            places.Add(tokens.Text(start));
            return;
        }

        if (end - start == 1)
        {
            if (evidence)
            {
                evidencedSurnames.Add(tokens.Text(start));
            }

            // A lone capitalized word is remembered only as a possible surname.
            people.Add((tokens.Text(start), false));
            return;
        }

        if (end - start <= 4)
        {
            AddPerson(tokens, start, end, evidence, people, evidencedSurnames);
        }
    }

    /// <summary>Organizations and places; true when the span was one of them.</summary>
    private static bool ClassifyNonPerson(Tokens tokens, int start, int end, int before, int after, List<string> places, List<string> organizations)
    {
        var text = Join(tokens, start, end);
        if (text.Length == 0)
        {
            return false;
        }

        // Organizations: suffix, "Head of ...", a known name, or an unknown acronym.
        var single = end - start == 1;
        if (LexiconTable.In(text, Lexicon.KnownOrganization)
            || (!single && tokens.Is(end - 1, Lexicon.OrganizationSuffix)))
        {
            organizations.Add(text);
            return true;
        }

        for (var k = start; k < end - 1; k++)
        {
            if (tokens.Is(k, Lexicon.OrganizationHead) && (tokens.IsText(k + 1, "of") || tokens.IsText(k + 1, "for") || tokens.IsText(k + 1, "on")))
            {
                organizations.Add(text);
                return true;
            }
        }

        // Places: the gazetteer, a place noun after ("the Tigris valley"), "the city of X".
        var placeContext = (after >= 0 && tokens.Is(after, Lexicon.PlaceNoun))
            || (before >= 0 && tokens.IsText(before, "of") && start > 1 && tokens.Is(start - 2, Lexicon.PlaceIntroducer));
        if (LexiconTable.In(text, Lexicon.Place))
        {
            places.Add(text);
            return true;
        }

        if (single && text.Contains('-', StringComparison.Ordinal))
        {
            // "the Dover-Calais route", "Vienna-Budapest": every part a place when one is or the context says so.
            var parts = tokens.Text(start).Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && parts.All(p => char.IsUpper(p[0]) && !Gazetteer.Demonyms.Contains(p)) && (placeContext || parts.Any(Gazetteer.Places.Contains)))
            {
                places.AddRange(parts);
                return true;
            }
        }

        if (placeContext && end - start <= 3 && !tokens[start].AllCaps && !tokens.Is(start, Lexicon.Demonym) && !tokens.Is(start, Lexicon.Role))
        {
            places.Add(text);
            return true;
        }

        if (single && tokens[start].AllCaps && text.Length is >= 2 and <= 6 && !tokens.Is(start, Lexicon.NotOrganization) && !tokens.Is(start, Lexicon.Place))
        {
            organizations.Add(text);
            return true;
        }

        if (single && tokens.Is(start, Lexicon.OrganizationSuffix))
        {
            return true;
        }

        // A known place inside a longer span without other meaning: "Portugal's", "Moscow" after a demonym.
        var placeFound = false;
        for (var k = start; k < end; k++)
        {
            if (tokens.Is(k, Lexicon.Place))
            {
                places.Add(tokens.Text(k));
                placeFound = true;
            }
            else if (!tokens.Is(k, Lexicon.Demonym) && !tokens.Is(k, Lexicon.Role))
            {
                return placeFound;
            }
        }

        return placeFound;
    }

    private static void AddPerson(Tokens tokens, int start, int end, bool evidence, List<(string Name, bool Evidence)> people, HashSet<string> evidencedSurnames)
    {
        var name = Join(tokens, start, end);
        people.Add((name, evidence));
        if (evidence)
        {
            evidencedSurnames.Add(tokens.Text(end - 1));
        }
    }

    private static bool AllNameLike(Tokens tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var token = tokens[k];
            if (!token.Capitalized)
            {
                if (tokens.Is(k, Lexicon.NameParticle) && k > start && k < end - 1)
                {
                    continue;
                }

                return false;
            }

            if ((token.AllCaps && token.Length > 1) || tokens.Is(k, Lexicon.Role) || tokens.Is(k, Lexicon.OrganizationSuffix)
                || tokens.Is(k, Lexicon.OrganizationHead) || tokens.Is(k, Lexicon.Demonym) || tokens.Is(k, Lexicon.Month)
                || tokens.Is(k, Lexicon.Place) || tokens.IsStopWord(k) || token.HasDigit)
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> FinishPeople(
        List<(string Name, bool Evidence)> candidates,
        HashSet<string> evidencedSurnames,
        List<string> places,
        List<string> organizations,
        int max)
    {
        var evidenced = evidencedSurnames.GetAlternateLookup<ReadOnlySpan<char>>();
        Dictionary<string, int>? mentions = null;
        var result = new List<string>();
        foreach (var (name, evidence) in candidates)
        {
            var space = name.LastIndexOf(' ');
            if (space < 0)
            {
                continue;
            }

            // Accepted with evidence for the person or the surname, or, without, named in full twice and by surname alone.
            var surname = name.AsSpan(space + 1);
            var accepted = evidence || evidenced.Contains(surname) || IsNamedTwiceAndBySurname(candidates, ref mentions, name, surname);
            if (!accepted || places.Contains(name) || organizations.Contains(name))
            {
                continue;
            }

            // Keep the longest form: "Nikol Pashinyan" over "Pashinyan"; one entry per person.
            if (!KnownAs(result, name))
            {
                for (var r = result.Count - 1; r >= 0; r--)
                {
                    if (EndsWithName(name, result[r]))
                    {
                        result.RemoveAt(r);
                    }
                }

                result.Add(name);
            }

            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is among the candidates twice or more and <paramref name="surname"/> alone once
    /// or more; the candidates are counted once, on the first call that needs it.
    /// </summary>
    private static bool IsNamedTwiceAndBySurname(List<(string Name, bool Evidence)> candidates, ref Dictionary<string, int>? mentions, string name, ReadOnlySpan<char> surname)
    {
        if (mentions is null)
        {
            mentions = new Dictionary<string, int>(candidates.Count, StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(mentions, candidate.Name, out _)++;
            }
        }

        return mentions[name] >= 2 && mentions.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(surname);
    }

    /// <summary>Whether <paramref name="name"/> or a longer form of it is already kept.</summary>
    private static bool KnownAs(List<string> kept, string name)
    {
        foreach (var known in kept)
        {
            if (known == name || EndsWithName(known, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="longer"/> ends with a space and then <paramref name="name"/>.</summary>
    private static bool EndsWithName(string longer, string name) =>
        longer.Length > name.Length && longer[^(name.Length + 1)] == ' ' && longer.EndsWith(name, StringComparison.Ordinal);

    private static List<string> Distinct(List<string> names, int max)
    {
        var result = new List<string>();
        foreach (var name in names)
        {
            if (!result.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(name);
                if (result.Count >= max)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The words from <paramref name="start"/> to <paramref name="end"/> with a space between each.</summary>
    private static string Join(Tokens tokens, int start, int end) =>
        end - start == 1 ? tokens.Text(start) : string.Join(' ', Enumerable.Range(start, end - start).Select(tokens.Text));

    /// <summary>
    /// Whether a word occurs in lowercase somewhere in the headline or the body, asked on demand (few words are asked
    /// about: names that start a sentence) and answered by a search of the text, remembered per word.
    /// </summary>
    private sealed class LowercaseWords(string? title, string body)
    {
        private readonly Dictionary<string, bool> cache = new(StringComparer.Ordinal);

        /// <summary>Whether the lowercase form of <paramref name="word"/> occurs as a word in the headline or the body.</summary>
        public bool Contains(string word)
        {
            var lower = word.ToLowerInvariant();
            if (!cache.TryGetValue(lower, out var found))
            {
                found = (title is not null && Occurs(title, lower)) || Occurs(body, lower);
                cache[lower] = found;
            }

            return found;
        }

        private static bool Occurs(string text, string lower)
        {
            var position = 0;
            int next;
            while ((next = text.AsSpan(position).IndexOf(lower, StringComparison.Ordinal)) >= 0)
            {
                var start = position + next;
                var end = start + lower.Length;
                if ((start == 0 || !char.IsLetter(text[start - 1])) && (end >= text.Length || !char.IsLetter(text[end])))
                {
                    return true;
                }

                position = end;
            }

            return false;
        }
    }

    /// <summary>The words of the headline and the body, with the gazetteer lists each is on (looked up once, when first asked).</summary>
    private sealed class Tokens(List<Word> items, FrozenSet<string> stopWords)
    {
        private readonly Lexicon?[] lists = new Lexicon?[items.Count];
        private readonly bool?[] stop = new bool?[items.Count];

        public int Length => items.Count;

        public Word this[int index] => items[index];

        public string Text(int index) => items[index].Text;

        public bool IsText(int index, string value) => items[index].Text == value;

        public bool Is(int index, Lexicon list) => ((lists[index] ??= LexiconTable.Find(items[index].Text)) & list) != 0;

        /// <summary>Whether the token, lowercased, is a stop word of the article's language.</summary>
        public bool IsStopWord(int index) => stop[index] ??= stopWords.Contains(items[index].Text.ToLowerInvariant());
    }
}
