using System.Globalization;
using System.Text;
using Archive.Core.Extraction.Enrichment;
using Archive.Core.Extraction.Text;

namespace Archive.Core.Tests.Extraction.Enrichment;

/// <summary>
/// The plain-text hot path's fast forms (vectorized scans, ASCII shortcuts, cached look-ups) against straightforward
/// reference forms of the same rules, over generated text mixing the characters each rule treats differently.
/// </summary>
public sealed class FastPathTests
{
    private const string Alphabet = "ab Z9 .,-'\n\n\t\r\u00A0\u200B\u00AD é\u0301\u2019\u4E2D\u3042\u0E01";

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CountWords_GeneratedText_MatchesTheCharacterByCharacterRule(int seed)
    {
        foreach (var text in Generate(seed, 400))
        {
            Assert.Equal(ReferenceCountWords(text), TextStatistics.CountWords(text));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CountWords_MostlyPlainText_MatchesTheCharacterByCharacterRule(int seed)
    {
        // Long runs of ASCII and plain punctuation (joiners ’ ' - . , among them, at every position of a 16-character
        // block, two in a row, at a block's end before a letter, a digit, a space or a Han character), so that whole
        // blocks take the vectorized count, with an accented letter, a combining mark or Han now and then.
        var plain = Generate(seed, 300, "ab Z9 .,-'\u2019\u201C\u00A0\n");
        var mixed = Generate(seed + 50, 300, "abZ9 .,-'\u2019\u00E9\u0301\u4E2D");
        foreach (var text in plain.Zip(mixed, (a, b) => string.Concat(a, a, b, a, a, a)))
        {
            Assert.Equal(ReferenceCountWords(text), TextStatistics.CountWords(text));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void IsNormalizedBody_GeneratedText_MatchesTheCharacterByCharacterRule(int seed)
    {
        foreach (var text in Generate(seed, 400).Concat(Generate(seed, 400, "ab c\n\n")))
        {
            Assert.Equal(ReferenceIsNormalizedBody(text), TextLines.IsNormalizedBody(text));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Collapse_GeneratedText_EqualsCollapsingEveryRun(int seed)
    {
        foreach (var text in Generate(seed, 400).Concat(Generate(seed, 400, "ab c.")))
        {
            Assert.Equal(ReferenceCollapse(text), TextLines.Collapse(text));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void BodyWriter_GeneratedLines_WritesWhatJoiningAndCollapsingEveryRunWrites(int seed)
    {
        // Lines (trimmed, as the reader gives them) with inner runs of spaces, tabs, non-breaking and zero-width spaces,
        // soft hyphens, and lines of nothing visible, grouped into paragraphs; some paragraphs hold nothing visible.
        var random = new Random(seed);
        var lines = Generate(seed, 600).Concat(Generate(seed, 200, "ab c.")).Select(line => line.Trim()).ToArray();
        for (var round = 0; round < 40; round++)
        {
            var paragraphs = new List<List<string>>();
            for (var p = random.Next(0, 6); p > 0; p--)
            {
                paragraphs.Add([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => lines[random.Next(lines.Length)])]);
            }

            var writer = new BodyWriter(8);
            try
            {
                foreach (var paragraph in paragraphs)
                {
                    foreach (var line in paragraph)
                    {
                        writer.AppendLine(line);
                    }

                    writer.EndParagraph();
                }

                var expected = string.Join("\n\n", paragraphs.Select(paragraph => ReferenceCollapse(string.Join(' ', paragraph))).Where(paragraph => paragraph.Length > 0));
                Assert.Equal(expected, writer.ToString());
                Assert.Equal(paragraphs.Count, writer.Paragraphs);
            }
            finally
            {
                writer.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CountScripts_GeneratedText_MatchesTheCharacterByCharacterRule(int seed)
    {
        // Mostly ASCII, so that whole 16-character blocks take the vectorized count, with other scripts in between.
        foreach (var text in Generate(seed, 400, "abcXYZ 09.,'-\n@[`{").Concat(Generate(seed, 400, "ab Zz 9.\u00E9\u0436\u4E2D\u0E01")))
        {
            var counts = LanguageIdentifier.CountScripts(text);

            Assert.Equal(text.Count(char.IsLetter), counts.Letters);
            Assert.Equal(text.Count(c => char.IsLetter(c) && c is <= '\u024F' or >= '\u1E00' and <= '\u1EFF'), counts.Latin);
            Assert.Equal(text.Count(c => char.IsLetter(c) && c is >= '\u0400' and <= '\u052F'), counts.Cyrillic);
            Assert.Equal(text.Count(c => c is >= '\u4E00' and <= '\u9FFF'), counts.Han);
            Assert.Equal(text.Count(c => char.IsLetter(c) && c is >= '\u0E00' and <= '\u0E7F'), counts.Thai);
        }
    }

    [Fact]
    public void Lowercase_EveryCharacterOfTheTable_MatchesTheInvariantCulture()
    {
        Span<char> lower = stackalloc char[1];
        for (var c = (char)0; c < Lowercase.TableLength; c++)
        {
            Lowercase.Invariant([c], lower);
            Assert.Equal(c.ToString().ToLowerInvariant()[0], lower[0]);
            Assert.Equal(char.ToLowerInvariant(c), Lowercase.Char(c));
        }

        // A word with a character beyond the table goes to the culture code whole, surrogate pairs included (Deseret long I).
        Span<char> word = stackalloc char[4];
        Lowercase.Invariant("Ω\U00010400Ж", word);
        Assert.Equal("ω\U00010428ж", word.ToString());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void LowercaseWordLookUp_GeneratedText_MatchesSearchingTheText(int seed)
    {
        // Words glued by hyphens, apostrophes, dots, digits and combining marks, so that many tokens hold several runs.
        var texts = Generate(seed, 60, "ab abAB ba-'\u2019.&9 \u0301\u00E9\n").ToArray();
        var runs = texts.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"\p{L}+").Select(m => m.Value.ToUpperInvariant())).Distinct().Take(60);
        var words = Generate(seed + 100, 40, "abAB\u00C9\u00E9").Concat(runs).Concat(["a-b", "ab9", "b.a"]).ToArray();
        var found = 0;
        for (var t = 0; t + 1 < texts.Length; t += 2)
        {
            var body = texts[t] + " " + texts[t + 1] + texts[t];
            foreach (var word in words)
            {
                var title = t % 4 == 0 ? null : texts[t + 1];
                var expected = ReferenceOccursInLowercase(title, body, word);
                Assert.Equal(expected, EntityExtractor.OccursInLowercase(title, body, word));
                found += expected ? 1 : 0;
            }
        }

        Assert.True(found > 100, $"only {found} words were found: the generated texts do not exercise the look-up");
    }

    [Fact]
    public void LowercaseRunFilter_NameWrittenOnlyCapitalized_IsRuledOutWithoutASearch()
    {
        var words = ArticleWords.Read("Pashinyan in Baku", "Pashinyan met well-known officials in Baku's old town.");
        try
        {
            Assert.False(words.MayHaveLowercaseRun("pashinyan"));
            Assert.False(words.MayHaveLowercaseRun("baku"));
            Assert.True(words.MayHaveLowercaseRun("officials"));
            Assert.True(words.MayHaveLowercaseRun("known"));
            Assert.True(words.MayHaveLowercaseRun("s"));
        }
        finally
        {
            words.Return();
        }
    }

    [Fact]
    public void LexiconTable_ListWordsCaseVariantsAndOthers_AnswerAsEachListsOwnComparer()
    {
        // The reference: each list's own frozen set (ordinal, or ordinal ignoring case), asked one at a time.
        (Lexicon List, System.Collections.Frozen.FrozenSet<string> Words)[] lists =
        [
            (Lexicon.Role, Gazetteer.Roles), (Lexicon.OrganizationSuffix, Gazetteer.OrganizationSuffixes),
            (Lexicon.OrganizationHead, Gazetteer.OrganizationHeads), (Lexicon.Demonym, Gazetteer.Demonyms),
            (Lexicon.Month, Gazetteer.Months), (Lexicon.Place, Gazetteer.Places), (Lexicon.SentenceStarter, Gazetteer.SentenceStarters),
            (Lexicon.Connector, Gazetteer.Connectors), (Lexicon.NameParticle, Gazetteer.NameParticles),
            (Lexicon.PlacePreposition, Gazetteer.PlacePrepositions), (Lexicon.AttributionVerb, Gazetteer.AttributionVerbs),
            (Lexicon.PlaceNoun, Gazetteer.PlaceNouns), (Lexicon.KnownOrganization, Gazetteer.KnownOrganizations),
            (Lexicon.NotOrganization, Gazetteer.NotOrganizations), (Lexicon.PlaceIntroducer, Gazetteer.PlaceIntroducers),
        ];
        Assert.Equal(Lexicon.All, lists.Aggregate(Lexicon.None, (all, list) => all | list.List));

        var entries = lists.SelectMany(list => list.Words).Where(word => !word.Contains(' ')).ToArray();
        var words = entries
            .SelectMany(word => new[] { word, word.ToUpperInvariant(), word.ToLowerInvariant(), char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant() })
            .Concat(Generate(9, 300, "aeinsAEINS-."))
            .Concat(["", "ſaid", "ın", "İn", "IN", "In", "in", "Said", "SAID", "k\u212A", "Mai", "mai", "MAI", new string('a', 65)])
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        var ascii = 0;
        foreach (var word in words)
        {
            var all = LexiconTable.TryLookUp(word, out var found);
            ascii += all ? 1 : 0;
            Assert.Equal(System.Text.Ascii.IsValid(word) || word.Length > 64, all);
            foreach (var (list, set) in lists)
            {
                var expected = set.Contains(word);
                Assert.True(expected == (all ? (found & list) != 0 : LexiconTable.In(word, list)), $"\"{word}\" on {list}: expected {expected}");
            }
        }

        Assert.True(ascii > entries.Length, "the ASCII table was hardly asked");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KeywordWords_FromTheSharedWords_AreWhatTheKeywordRuleFindsInTheWholeText(int seed)
    {
        // Joiners of both rules (- ' ’ . &), digits, combining marks, accented and other-script letters, possessives.
        var texts = Generate(seed, 200, "abAB9 -'\u2019.&\u0301\u00E9\u0416\u4E2D,\n s's").Append("Armenia's Prime Minister's talks in U.S.-led well-known 3-way rock'n'roll café\u0301s").ToArray();
        var words = 0;
        foreach (var text in texts)
        {
            var expected = ReferenceKeywordWords(text);
            Assert.Equal(expected, KeywordExtractor.KeywordWords(text));
            words += expected.Count;
        }

        Assert.True(words > 500, $"only {words} words: the generated texts do not exercise the rule");
    }

    /// <summary>The keyword rule over the whole text, character by character: a letter starts a word, which runs over letters and digits, and over - ' ’ when a letter follows; a final 's is left out.</summary>
    private static List<(int Start, int Length, bool HasDigit)> ReferenceKeywordWords(string text)
    {
        var words = new List<(int, int, bool)>();
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
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '-' or '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                hasDigit |= char.IsDigit(text[i]);
                i++;
            }

            var length = i - start;
            if (length > 2 && text[i - 1] == 's' && text[i - 2] is '\'' or '\u2019')
            {
                length -= 2;
            }

            words.Add((start, length, hasDigit));
        }

        return words;
    }

    private static bool ReferenceOccursInLowercase(string? title, string body, string word)
    {
        var lower = word.ToLowerInvariant();
        return (title is not null && Occurs(title)) || Occurs(body);

        bool Occurs(string text)
        {
            for (var start = text.IndexOf(lower, StringComparison.Ordinal); start >= 0; start = text.IndexOf(lower, start + 1, StringComparison.Ordinal))
            {
                var end = start + lower.Length;
                if ((start == 0 || !char.IsLetter(text[start - 1])) && (end >= text.Length || !char.IsLetter(text[end])))
                {
                    return true;
                }
            }

            return false;
        }
    }

    [Fact]
    public void NormalizeBody_AlreadyNormalBody_IsReturnedAsIs()
    {
        const string body = "First paragraph here.\n\nSecond one, with \u201Cquotes\u201D.";

        Assert.Same(body, TextLines.NormalizeBody(body));
        Assert.Equal("A b.\n\nC d.", TextLines.NormalizeBody("A  b.\n\n\nC d."));
        Assert.Equal("A b.\n\nC d.", TextLines.NormalizeBody("A b.\n\n C d."));
        Assert.Equal("A b. C d.", TextLines.NormalizeBody("A b.\nC d."));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ContentHashNormalize_GeneratedText_MatchesTheCharacterByCharacterRule(int seed)
    {
        foreach (var text in Generate(seed, 400, HashAlphabet))
        {
            Assert.Equal(ReferenceFold(text), ContentHash.Normalize(text));
        }

        // Mostly printable ASCII with single spaces, so that whole 16-character blocks take the vectorized fold; the
        // rest (double spaces, newlines, a backtick, a tilde, DEL, a quote) lands at every place in a block.
        foreach (var text in Generate(seed, 400, "abcdefgHIJ 09.,-~ ").Select((t, n) => t + t + "bcd" + "  \n`\u007F\u2019 "[n % 7] + t))
        {
            Assert.Equal(ReferenceFold(text), ContentHash.Normalize(text));
        }
    }

    [Fact]
    public void ContentHashCompute_TextLongerThanOneSlice_IsTheHashOfTheWholeNormalizedText()
    {
        // Slices of 16K characters: spaces and a pending space fall on the boundaries.
        foreach (var alphabet in new[] { HashAlphabet, "abcdefgHIJ 09.,-~ " })
        {
            var text = string.Concat(Generate(9, 3_000, alphabet).Select(t => t + "  "));

            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ReferenceFold(text))));

            Assert.True(text.Length > 40_000);
            Assert.Equal(expected, ContentHash.Compute(text));
        }
    }

    [Fact]
    public void KeywordsAndEntities_AfterAVeryLongBodyOnTheSameThread_AreTheSameAsBefore()
    {
        // The per-thread tables are reused between articles: nothing of one article may leak into the next.
        const string title = "Port authority expands the northern terminal";
        const string body = "Prime Minister Anna de Vries opened the terminal in Rotterdam on Monday, the Port Authority said. "
            + "The terminal handles containers from China and Brazil; container traffic rose by a fifth.\n\n"
            + "\"Containers keep coming,\" de Vries said. The European Commission welcomed the terminal.";
        var huge = string.Concat(Enumerable.Range(0, 4_000).Select(i => $"Minister Jan Nowak{i % 97} visited Gdansk and the Baltic Council. Traders{i % 13} sold grain. "));

        var fresh = Analyze(title, body);
        Analyze(null, huge);
        Analyze(title, huge);
        var afterHuge = Analyze(title, body);

        Assert.Equal(fresh, afterHuge);
        Assert.Contains("Anna de Vries", fresh, StringComparison.Ordinal);
        Assert.Contains("terminal", fresh, StringComparison.Ordinal);

        static string Analyze(string? title, string body)
        {
            var keywords = KeywordExtractor.Extract([], title, body, "en", 15);
            var entities = EntityExtractor.Extract(title, body, "en", 30);
            return string.Join("|", keywords) + " / " + string.Join("|", entities.People) + " / " + string.Join("|", entities.Places) + " / " + string.Join("|", entities.Organizations);
        }
    }

    [Fact]
    public void Demonyms_EveryEntry_StartsWithAnUppercaseLetter()
    {
        // The keyword extractor looks a word up among demonyms only when it is capitalized.
        Assert.All(Gazetteer.Demonyms, d => Assert.True(char.IsUpper(d[0]), d));
    }

    [Fact]
    public void Keywords_StopWordsDemonymsAndPlurals_FollowTheRules()
    {
        const string body = "The talks on grain exports resumed. The talk about grain was long and the exports grew.\n\n"
            + "Russian officials and russian grain traders met; other traders waited. Grain prices fell as the talks ended.";

        var keywords = KeywordExtractor.Extract([], "Grain talks resume", body, "en", 10);

        Assert.Equal("grain", keywords[0]);
        Assert.Contains("talk", keywords);
        Assert.DoesNotContain("talks", keywords);
        Assert.Contains("exports", keywords);
        Assert.Contains("traders", keywords);
        Assert.DoesNotContain(keywords, k => k.Equals("the", StringComparison.OrdinalIgnoreCase) || k.Equals("and", StringComparison.OrdinalIgnoreCase));

        // "Russian" is a demonym when capitalized; the one lowercase use alone is not enough for a keyword.
        Assert.DoesNotContain(keywords, k => k.Equals("russian", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Keywords_ArticleInFrench_LeaveOutFrenchAndEnglishStopWords()
    {
        const string body = "Les ministres et les experts ont parlé du budget. The budget and the ministres: les experts le disent.\n\n"
            + "Pour les experts, the budget est pour les ministres.";

        var keywords = KeywordExtractor.Extract([], null, body, "fr", 10);

        // Only the words seen twice or more that are no stop word of either language.
        Assert.Equal(["budget", "experts", "ministres"], keywords.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keywords_MoreCandidatesThanTheLimit_AreRankedByScoreThenFirstAppearance()
    {
        // Fourteen words seen twice, three of them (late ones) a third time; no headline, no lead boost beyond the
        // first paragraph, which holds only a filler sentence.
        string[] words = ["anchor", "bishop", "cobalt", "dragon", "ember", "falcon", "garnet", "harbor", "island", "jasper", "kettle", "lantern", "meadow", "nickel"];
        var body = "Filler opening line.\n\n" + string.Join(' ', words) + ". " + string.Join(' ', words) + ". nickel kettle falcon.";

        var keywords = KeywordExtractor.Extract([], null, body, "en", 10);

        string[] expected = ["falcon", "kettle", "nickel", "anchor", "bishop", "cobalt", "dragon", "ember", "garnet", "harbor"];
        Assert.Equal(expected, keywords);
    }

    private const string HashAlphabet = "\u2126\u212BaB Z9 `\t\n\r\u00A0\u2019\u201C\u2014\u2026\u00AD\u200B\u00C9e\u0301\u00DF.";

    private static string ReferenceFold(string text) =>
        ReferenceCollapseWith(text.Normalize(NormalizationForm.FormC), c => c switch
        {
            '\u2019' => "'",
            '`' => "'",
            '\u201C' => "\"",
            '\u2014' => "-",
            '\u2026' => "...",
            '\u00AD' or '\u200B' => string.Empty,
            _ => char.ToLowerInvariant(c).ToString(),
        });

    /// <summary>Every run of whitespace as one space (none at either end); every other character as <paramref name="map"/> writes it (empty drops it).</summary>
    private static string ReferenceCollapseWith(string text, Func<char, string> map)
    {
        var builder = new StringBuilder();
        var pending = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pending = builder.Length > 0;
                continue;
            }

            var replacement = map(c);
            if (replacement.Length == 0)
            {
                continue;
            }

            if (pending)
            {
                builder.Append(' ');
                pending = false;
            }

            builder.Append(replacement);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Generate(int seed, int count, string alphabet = Alphabet)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 40);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            yield return builder.ToString();
        }
    }

    private static bool IsUnspaced(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3040' and <= '\u30FF' or >= '\u0E00' and <= '\u0E7F';

    private static int ReferenceCountWords(string text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnspaced(c))
            {
                count++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c) || (inWord && char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                count += inWord ? 0 : 1;
                inWord = true;
            }
            else if (!(inWord && c is '\'' or '’' or '-' or '.' or ',' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && !IsUnspaced(text[i + 1])))
            {
                inWord = false;
            }
        }

        return count;
    }

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static bool ReferenceIsNormalizedBody(string body)
    {
        if (body.Length == 0 || char.IsWhiteSpace(body[0]) || char.IsWhiteSpace(body[^1]))
        {
            return false;
        }

        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == ' ')
            {
                if (body[i + 1] is ' ' or '\n')
                {
                    return false;
                }
            }
            else if (c == '\n')
            {
                if (body[i + 1] != '\n' || body[i - 1] == ' ' || char.IsWhiteSpace(body[i + 2]))
                {
                    return false;
                }

                i++;
            }
            else if ((char.IsWhiteSpace(c) && c != ' ') || IsInvisible(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string ReferenceCollapse(string text) => ReferenceCollapseWith(text, c => IsInvisible(c) ? string.Empty : c.ToString());

}
