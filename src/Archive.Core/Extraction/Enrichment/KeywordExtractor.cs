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
        var words = ArticleWords.Read(title, body);
        try
        {
            return Extract(declared, words, language, max);
        }
        finally
        {
            words.Return();
        }
    }

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

        var stop = StopWords.TableWithEnglishFor(language);

        // Every lowercase word seen, stop words included (flagged), so that a word costs one look-up; the table is
        // reused by the thread and keeps surfaces as positions in the body, so counting allocates nothing.
        var table = TermTable.Rent();
        try
        {
            // One pass over the body; a word of the lead (the first paragraph) scores twice.
            var leadEnd = body.IndexOf("\n\n", StringComparison.Ordinal);
            var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words.Words);
            Count(body, all[words.TitleCount..], 1, occurrences: true, stop, table, leadEnd < 0 ? body.Length : leadEnd);
            if (!string.IsNullOrEmpty(title))
            {
                Count(title, all[..words.TitleCount], 3, occurrences: false, stop, table);
            }

            // Fold English plurals into the singular when both forms occur.
            if (language is null or "en")
            {
                table.FoldPlurals();
            }

            foreach (var surface in table.Top(MaxComputed, body))
            {
                if (!result.Contains(surface, StringComparer.OrdinalIgnoreCase))
                {
                    result.Add(surface);
                    if (result.Count >= max)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            TermTable.Return(table);
        }

        return result;
    }

    /// <summary>
    /// Counts the words of <paramref name="text"/> (read as <paramref name="words"/>); when <paramref name="occurrences"/>,
    /// text is the body and new terms are added, and words starting before <paramref name="leadEnd"/> score twice.
    /// </summary>
    private static void Count(string text, ReadOnlySpan<Word> words, int weight, bool occurrences, WordTable stop, TermTable table, int leadEnd = 0)
    {
        var counter = new Counter(text, weight, occurrences, stop, table, leadEnd, stackalloc char[MaxWordLength]);
        ForEachKeywordWord(text, words, ref counter);
    }

    /// <summary>The keyword words of <paramref name="text"/>, by position (for tests: they must be what the keyword rule finds in the whole text).</summary>
    internal static List<(int Start, int Length, bool HasDigit)> KeywordWords(string text)
    {
        var words = ArticleWords.Read(null, text);
        try
        {
            var collector = new Collector([]);
            ForEachKeywordWord(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words.Words), ref collector);
            return collector.Words;
        }
        finally
        {
            words.Return();
        }
    }

    /// <summary>
    /// Each keyword word of <paramref name="text"/> (its possessive "'s" left out) to <paramref name="sink"/>, in order.
    /// A keyword is a run of letters and digits that starts with a letter, with - ' ’ inside when a letter follows, so
    /// each lies within one of the words read for the entities: a word of ASCII letters and digits is one keyword as it
    /// stands, any other is read again by the keyword rule.
    /// </summary>
    private static void ForEachKeywordWord<TSink>(string text, ReadOnlySpan<Word> words, ref TSink sink)
        where TSink : IWordSink, allows ref struct
    {
        foreach (ref readonly var word in words)
        {
            if (word.Simple)
            {
                sink.Add(word.Start, word.Length, word.HasDigit);
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
                    // ASCII first: the Unicode tables are read only for other characters.
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

                sink.Add(start, length, hasDigit);
            }
        }
    }

    private static void CountWord(string text, int start, int length, bool hasDigit, int weight, bool occurrences, WordTable stop, TermTable table, int leadEnd, Span<char> lower)
    {
        if (length < 3 || length > MaxWordLength || hasDigit)
        {
            return;
        }

        // Lowercased and hashed in one pass (the word tables' hash).
        var surface = text.AsSpan(start, length);
        var key = lower[..length];
        var hash = WordTable.LowerAndHash(surface, key);

        // Demonyms are written capitalized ("Russian"): only a capitalized surface can be one.
        var capitalized = char.IsUpper(surface[0]);
        if (capitalized && Gazetteer.DemonymSpans.Contains(surface))
        {
            return;
        }

        var index = table.Find(key, hash);
        if (index < 0)
        {
            if (stop.Contains(key, hash))
            {
                table.Add(key, hash, stopWord: true);
                return;
            }

            if (!occurrences)
            {
                return;
            }

            index = table.Add(key, hash, stopWord: false);
        }

        table.Count(index, start < leadEnd ? weight * 2 : weight, occurrences, capitalized, start, length);
    }

    /// <summary>Where <see cref="ForEachKeywordWord"/> sends each word (a struct, so the loop is compiled for each kind).</summary>
    private interface IWordSink
    {
        void Add(int start, int length, bool hasDigit);
    }

    /// <summary>Collects the words (for tests).</summary>
    private readonly struct Collector(List<(int Start, int Length, bool HasDigit)> words) : IWordSink
    {
        public List<(int Start, int Length, bool HasDigit)> Words => words;

        public void Add(int start, int length, bool hasDigit) => words.Add((start, length, hasDigit));
    }

    /// <summary>Counts each word in the term table.</summary>
    private readonly ref struct Counter(string text, int weight, bool occurrences, WordTable stop, TermTable table, int leadEnd, Span<char> lower) : IWordSink
    {
        private readonly Span<char> lower = lower;

        public void Add(int start, int length, bool hasDigit) => CountWord(text, start, length, hasDigit, weight, occurrences, stop, table, leadEnd, lower);
    }

    /// <summary>
    /// An open-addressing hash table of lowercase words (their characters in one buffer) with their counts; terms
    /// stay in insertion order, which breaks ties between equal scores. One per thread, cleared between articles.
    /// </summary>
    private sealed class TermTable
    {
        /// <summary>A table grown larger than this (an unusually long body) is not kept: at most about 300 KB per thread.</summary>
        private const int MaxKeptTerms = 4 * 1024;

        [ThreadStatic]
        private static TermTable? cached;

        private char[] chars = new char[8 * 1024];
        private int charsUsed;
        private Term[] terms = new Term[512];
        private int count;
        private int[] slots = new int[1024];

        public static TermTable Rent()
        {
            var table = cached ?? new TermTable();
            cached = null;
            return table;
        }

        public static void Return(TermTable table)
        {
            // Forget only what was used: clearing a large slot array for a short article would cost more than counting.
            for (var i = 0; i < table.count; i++)
            {
                table.slots[table.terms[i].Slot] = 0;
            }

            table.count = 0;
            table.charsUsed = 0;
            if (table.terms.Length <= MaxKeptTerms && table.chars.Length <= MaxKeptTerms * 8)
            {
                cached = table;
            }
        }

        /// <summary>The index of <paramref name="key"/>, or -1 (folded-away plurals are not found).</summary>
        public int Find(ReadOnlySpan<char> key) => Find(key, WordTable.Hash(key));

        public int Find(ReadOnlySpan<char> key, int hash)
        {
            var mask = slots.Length - 1;
            for (var slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask)
            {
                var index = slots[slot] - 1;
                ref var term = ref terms[index];
                if (term.Hash == hash && chars.AsSpan(term.KeyStart, term.KeyLength).SequenceEqual(key))
                {
                    return term.Removed ? -1 : index;
                }
            }

            return -1;
        }

        public int Add(ReadOnlySpan<char> key, int hash, bool stopWord)
        {
            if ((count + 1) * 2 > slots.Length)
            {
                Grow();
            }

            if (charsUsed + key.Length > chars.Length)
            {
                Array.Resize(ref chars, Math.Max(chars.Length * 2, charsUsed + key.Length));
            }

            if (count == terms.Length)
            {
                Array.Resize(ref terms, terms.Length * 2);
            }

            key.CopyTo(chars.AsSpan(charsUsed));
            var mask = slots.Length - 1;
            var slot = hash & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            var index = count++;
            terms[index] = new Term
            {
                KeyStart = charsUsed,
                KeyLength = key.Length,
                Hash = hash,
                Slot = slot,
                Stop = stopWord,
                LowerStart = -1,
                CapitalStart = -1,
            };
            slots[slot] = index + 1;
            charsUsed += key.Length;
            return index;
        }

        /// <summary>Scores a word; in the body pass also counts the occurrence and remembers its first spelling (a position in the body).</summary>
        public void Count(int index, int weight, bool occurrence, bool capitalized, int start, int length)
        {
            ref var term = ref terms[index];
            if (term.Stop)
            {
                return;
            }

            term.Score += weight;
            if (!occurrence)
            {
                return;
            }

            if (capitalized)
            {
                if (term.CapitalStart < 0)
                {
                    (term.CapitalStart, term.CapitalLength) = (start, length);
                }

                term.CapitalCount++;
            }
            else
            {
                if (term.LowerStart < 0)
                {
                    (term.LowerStart, term.LowerLength) = (start, length);
                }

                term.LowerCount++;
            }
        }

        /// <summary>A plural ("talks") whose singular ("talk") was also seen adds its counts to the singular and goes.</summary>
        public void FoldPlurals()
        {
            for (var index = 0; index < count; index++)
            {
                ref var plural = ref terms[index];
                if (plural.Stop || plural.Removed || plural.KeyLength <= 4 || chars[plural.KeyStart + plural.KeyLength - 1] != 's')
                {
                    continue;
                }

                var singularIndex = Find(chars.AsSpan(plural.KeyStart, plural.KeyLength - 1));
                if (singularIndex < 0 || terms[singularIndex].Stop)
                {
                    continue;
                }

                ref var singular = ref terms[singularIndex];
                plural.Removed = true;
                singular.Score += plural.Score;
                singular.LowerCount += plural.LowerCount;
                singular.CapitalCount += plural.CapitalCount;
                if (singular.LowerStart < 0 && plural.LowerStart >= 0)
                {
                    (singular.LowerStart, singular.LowerLength) = (plural.LowerStart, plural.LowerLength - 1);
                }

                if (singular.CapitalStart < 0 && plural.CapitalStart >= 0)
                {
                    (singular.CapitalStart, singular.CapitalLength) = (plural.CapitalStart, plural.CapitalLength - 1);
                }
            }
        }

        /// <summary>
        /// The best terms seen at least twice, by score and then first appearance, each in its usual spelling:
        /// lowercase unless written capitalized more often than not.
        /// </summary>
        public List<string> Top(int take, string body)
        {
            // The best few by score, ties to the earlier term: terms come in order of first appearance, so a term goes
            // in after every chosen one with a score at least as high (a partial selection; no sort of all terms).
            Span<int> best = stackalloc int[Math.Min(take, 64)];
            var chosen = 0;
            for (var index = 0; index < count; index++)
            {
                ref var term = ref terms[index];
                if (term.Stop || term.Removed || term.LowerCount + term.CapitalCount < 2)
                {
                    continue;
                }

                var position = chosen;
                while (position > 0 && terms[best[position - 1]].Score < term.Score)
                {
                    position--;
                }

                if (position >= best.Length)
                {
                    continue;
                }

                var kept = Math.Min(chosen, best.Length - 1);
                best[position..kept].CopyTo(best[(position + 1)..]);
                best[position] = index;
                chosen = kept + 1;
            }

            var candidates = best[..chosen];
            var surfaces = new List<string>(candidates.Length);
            foreach (var index in candidates)
            {
                ref var term = ref terms[index];
                var capital = term.CapitalCount > term.LowerCount || term.LowerStart < 0;
                surfaces.Add(capital && term.CapitalStart >= 0
                    ? body.Substring(term.CapitalStart, term.CapitalLength)
                    : body.Substring(term.LowerStart, term.LowerLength));
            }

            return surfaces;
        }

        private void Grow()
        {
            slots = new int[slots.Length * 2];
            var mask = slots.Length - 1;
            for (var index = 0; index < count; index++)
            {
                var slot = terms[index].Hash & mask;
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                slots[slot] = index + 1;
                terms[index].Slot = slot;
            }
        }
    }

    private struct Term
    {
        public int KeyStart;
        public int KeyLength;
        public int Hash;
        public int Slot;
        public bool Stop;
        public bool Removed;
        public int Score;
        public int LowerCount;
        public int CapitalCount;
        public int LowerStart;
        public int LowerLength;
        public int CapitalStart;
        public int CapitalLength;
    }
}
