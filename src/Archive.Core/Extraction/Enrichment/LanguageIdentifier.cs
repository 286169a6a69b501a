using System.Collections.Concurrent;
using System.Collections.Frozen;
using Lingua;
using static Lingua.Language;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// Detects the language of an article (ISO 639-1). Two stages, measured rather than assumed:
/// <list type="number">
/// <item>A fast path that decides the clear cases in microseconds: a script used by one language (Greek, Hebrew,
/// Armenian, Georgian, Thai, Hangul, Kana, Han), or Latin/Cyrillic prose whose function words point to one language
/// by a wide margin.</item>
/// <item>SearchPioneer.Lingua for everything else (short texts, close relatives such as Danish/Norwegian, languages
/// without a function-word list), restricted to the candidate languages when the first stage narrowed them down.
/// Lingua costs milliseconds per call; its detectors are built once and load models lazily, in low accuracy mode
/// (trigrams only): never preloaded, never the five n-gram sizes of every language (that costs gigabytes).</item>
/// </list>
/// Thread-safe; one instance serves the whole process.
/// </summary>
internal sealed class LanguageIdentifier
{
    /// <summary>The languages Lingua chooses among: the world's main news languages.</summary>
    private static readonly Language[] LinguaLanguages =
    [
        English, French, German, Spanish, Portuguese, Italian, Dutch, Russian, Ukrainian, Belarusian, Polish, Czech, Slovak,
        Slovene, Croatian, Serbian, Bosnian, Bulgarian, Macedonian, Romanian, Hungarian, Swedish, Danish, Bokmal, Nynorsk,
        Finnish, Estonian, Latvian, Lithuanian, Greek, Turkish, Azerbaijani, Kazakh, Armenian, Georgian, Arabic, Persian,
        Urdu, Hebrew, Hindi, Bengali, Marathi, Chinese, Japanese, Korean, Vietnamese, Thai, Indonesian, Malay, Tagalog,
        Swahili, Catalan, Basque, Irish, Welsh, Albanian, Icelandic, Afrikaans, Somali, Yoruba, Zulu,
    ];

    /// <summary>Languages that share most function words with another: the fast path never decides between them alone.</summary>
    private static readonly FrozenDictionary<string, Language[]> Relatives = new Dictionary<string, Language[]>
    {
        ["da"] = [Danish, Bokmal, Nynorsk, Swedish],
        ["nb"] = [Danish, Bokmal, Nynorsk, Swedish],
        ["sv"] = [Swedish, Danish, Bokmal],
        ["es"] = [Spanish, Catalan, Portuguese],
        ["pt"] = [Portuguese, Spanish, Catalan],
        ["ru"] = [Russian, Ukrainian, Belarusian, Bulgarian],
        ["uk"] = [Ukrainian, Russian, Belarusian],
        ["id"] = [Indonesian, Malay, Tagalog],
        ["nl"] = [Dutch, Afrikaans],
        ["pl"] = [Polish, Czech, Slovak],
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Language> ByCode = LinguaLanguages.ToFrozenDictionary(l => l.IsoCode6391().ToString().ToLowerInvariant());

    /// <summary>Fewer letters than this tell no language reliably.</summary>
    private const int MinimumLetters = 12;

    private readonly Lazy<LanguageDetector?> fullDetector;
    private readonly ConcurrentDictionary<string, LanguageDetector> restrictedDetectors = new(StringComparer.Ordinal);
    private readonly string? modelsDirectory;

    public LanguageIdentifier()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels");
        modelsDirectory = Directory.Exists(directory) ? directory : null;
        fullDetector = new Lazy<LanguageDetector?>(() => Build(LinguaLanguages), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>False when Lingua's model files are missing next to the application (then only the fast path runs).</summary>
    public bool LinguaAvailable => modelsDirectory is not null;

    /// <summary>The ISO 639-1 code of <paramref name="text"/>, or null when it cannot be told.</summary>
    public string? Detect(ReadOnlySpan<char> text, int sampleChars) => Decide(text, sampleChars).Code;

    internal LanguageDecision Decide(ReadOnlySpan<char> text, int sampleChars)
    {
        var sample = text[..(text.Length > sampleChars ? CutAtSpace(text, sampleChars) : text.Length)];
        var scripts = CountScripts(sample);
        if (scripts.Letters < MinimumLetters)
        {
            return new LanguageDecision(null, "none");
        }

        if (ScriptLanguage(scripts) is { } byScript)
        {
            return new LanguageDecision(byScript, "script");
        }

        Language[]? candidates = null;
        if (scripts.Latin + scripts.Cyrillic >= scripts.Letters * 0.8)
        {
            var (best, second, bestHits, tokens) = ScoreFunctionWords(sample);
            if (best is not null && tokens >= 20 && bestHits >= tokens * 0.12)
            {
                // A wide margin decides. Close relatives share most function words (Spanish and Portuguese both write
                // "de", "a", "e"), so among them a lead decides only together with letters or spellings that none of the
                // relatives uses; those letters are the stronger evidence, and the words need only point the same way.
                if (Relatives.ContainsKey(best)
                    ? bestHits > second.Hits && LettersConfirm(best, sample)
                    : bestHits >= second.Hits * 2.5)
                {
                    return new LanguageDecision(best, "words");
                }
            }

            if (best is not null && bestHits >= tokens * 0.08)
            {
                candidates = Relatives.TryGetValue(best, out var related)
                    ? related
                    : second.Code is not null && ByCode.TryGetValue(best, out var first) && ByCode.TryGetValue(second.Code, out var other)
                        ? [first, other]
                        : null;

                // A clear winner among close relatives still needs Lingua, but only among them.
                if (candidates is null && tokens >= 20 && bestHits >= second.Hits * 2.5)
                {
                    return new LanguageDecision(best, "words");
                }
            }
        }

        var detector = candidates is { Length: >= 2 } ? Restricted(candidates) : fullDetector.Value;

        if (detector is null)
        {
            return new LanguageDecision(null, "none");
        }

        // Lingua's cost grows with the text; a few hundred characters of prose decide as well as thousands.
        var linguaSample = sample.Length > LinguaSampleChars ? sample[..CutAtSpace(sample, LinguaSampleChars)].ToString() : sample.ToString();
        var language = detector.DetectLanguageOf(linguaSample);
        return language == Unknown
            ? new LanguageDecision(null, "lingua")
            : new LanguageDecision(language.IsoCode6391().ToString().ToLowerInvariant(), "lingua");
    }

    private LanguageDetector? Restricted(Language[] languages)
    {
        if (modelsDirectory is null)
        {
            return null;
        }

        var key = string.Join(',', languages.Order());
        return restrictedDetectors.GetOrAdd(key, _ => Build(languages, minimumDistance: 0)!);
    }

    /// <remarks>
    /// Low accuracy mode: trigram models only. Lingua uses only trigrams for texts of 120 characters or more in either
    /// mode; for shorter texts high accuracy would load all five n-gram models of every candidate language (seconds of
    /// CPU and gigabytes for the full set), which a Functions worker cannot afford. Among all languages a minimum
    /// distance between the two best makes an undecidable text get no language rather than a guess; among close
    /// relatives the best guess stands.
    /// </remarks>
    private LanguageDetector? Build(Language[] languages, double minimumDistance = 0.1)
    {
        if (modelsDirectory is null)
        {
            return null;
        }

        return LanguageDetectorBuilder.FromLanguages(languages)
            .WithLanguageModelsDirectory(modelsDirectory)
            .WithLowAccuracyMode()
            .WithMinimumRelativeDistance(minimumDistance)
            .Build();
    }

    /// <summary>
    /// Letters that separate close relatives which share function words: Russian (ы, э, ё) from Ukrainian (і, ї, є, ґ)
    /// and Belarusian (ў); Portuguese (ã, õ) from Spanish (ñ, ¿, ¡) and Catalan (its own function words); Polish (ł).
    /// Indonesian and Malay share their letters and most function words, so words that each spells its own way decide
    /// instead (Indonesian karena, bahwa, uang, yaitu; Malay kerana, bahawa, wang, iaitu).
    /// Returns true only when the letters agree with <paramref name="best"/> and nothing points to a relative.
    /// </summary>
    private static bool LettersConfirm(string best, ReadOnlySpan<char> sample)
    {
        int russian = 0, ukrainian = 0, belarusian = 0, portuguese = 0, spanish = 0, polish = 0;
        foreach (var c in sample)
        {
            switch (c)
            {
                case 'ы' or 'э' or 'ё' or 'Ы' or 'Э' or 'Ё':
                    russian++;
                    break;
                case 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ':
                    ukrainian++;
                    break;
                case 'ў' or 'Ў':
                    belarusian++;
                    break;
                case 'ã' or 'õ' or 'Ã' or 'Õ':
                    portuguese++;
                    break;
                case 'ñ' or 'Ñ' or '¿' or '¡':
                    spanish++;
                    break;
                case 'ł' or 'Ł':
                    polish++;
                    break;
            }
        }

        return best switch
        {
            "ru" => russian >= 3 && ukrainian == 0 && belarusian == 0,
            "uk" => ukrainian >= 3 && russian == 0 && belarusian == 0,
            "pt" => portuguese >= 2 && spanish == 0 && !LooksCatalan(sample),
            "es" => spanish >= 2 && portuguese == 0 && !LooksCatalan(sample),
            "pl" => polish >= 2,
            "id" => Markers(sample, IndonesianMarkers) >= 2 && Markers(sample, MalayMarkers) == 0,
            _ => false,
        };
    }

    private static bool LooksCatalan(ReadOnlySpan<char> sample) => Markers(sample, CatalanMarkers) >= 3;

    /// <summary>How often the words of <paramref name="markers"/> (each between spaces) occur in the sample.</summary>
    private static int Markers(ReadOnlySpan<char> sample, string[] markers)
    {
        var hits = 0;
        foreach (var word in markers)
        {
            var index = 0;
            int found;
            while ((found = sample[index..].IndexOf(word, StringComparison.Ordinal)) >= 0)
            {
                hits++;
                index += found + word.Length;
            }
        }

        return hits;
    }

    private static readonly string[] CatalanMarkers = [" amb ", " els ", " també ", " aquesta ", " aquest ", " però ", " més ", " perquè "];

    private static readonly string[] IndonesianMarkers = [" karena ", " bahwa ", " bisa ", " uang ", " yaitu ", " saja ", " pemerintah ", " kantor "];

    private static readonly string[] MalayMarkers = [" kerana ", " bahawa ", " boleh ", " wang ", " iaitu ", " sahaja ", " kerajaan ", " pejabat "];

    /// <summary>
    /// Lingua's cost is linear in its sample (trigrams × candidate languages: about 1.5 ms for 600 characters among all
    /// Latin-script languages, half that for 300). About 60 words decide as well as more: on the development corpora
    /// (445 documents in five formats) 400, 600 and 300 characters give the same decisions.
    /// </summary>
    private const int LinguaSampleChars = 400;

    private static int CutAtSpace(ReadOnlySpan<char> text, int max)
    {
        // The last space at or before index max, as string.LastIndexOf(' ', max) finds it.
        var cut = text[..(max + 1)].LastIndexOf(' ');
        return cut > max / 2 ? cut : max;
    }

    private static string? ScriptLanguage(ScriptCounts s)
    {
        var half = s.Letters / 2;
        if (s.Hangul > half)
        {
            return "ko";
        }

        if (s.Kana + s.Han > half)
        {
            return s.Kana >= (s.Kana + s.Han) * 0.05 ? "ja" : "zh";
        }

        if (s.Greek > half)
        {
            return "el";
        }

        if (s.Hebrew > half)
        {
            return "he";
        }

        if (s.Armenian > half)
        {
            return "hy";
        }

        if (s.Georgian > half)
        {
            return "ka";
        }

        return s.Thai > half ? "th" : null;
    }

    private static (string? Best, (string? Code, int Hits) Second, int BestHits, int Tokens) ScoreFunctionWords(ReadOnlySpan<char> sample)
    {
        Span<int> hits = stackalloc int[StopWordLanguages.Length];
        var tokens = 0;
        var span = sample;
        Span<char> lower = stackalloc char[32];
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetter(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && (char.IsLetter(span[i]) || span[i] is '\'' or '’'))
            {
                i++;
            }

            var length = i - start;
            if (length == 0)
            {
                continue;
            }

            tokens++;
            if (length > lower.Length)
            {
                continue;
            }

            var word = lower[..length];
            span.Slice(start, length).ToLowerInvariant(word);
            if (LanguageMasks.TryGetValue(word, out var mask))
            {
                for (var l = 0; mask != 0; l++, mask >>= 1)
                {
                    if ((mask & 1) != 0)
                    {
                        hits[l]++;
                    }
                }
            }

            // Enough evidence already: stop early when one language leads by far. From 64 words on, checked every 32:
            // about as much text as Lingua is given (400 characters), and most prose is clear by then.
            if ((tokens & 31) == 0 && Clear(hits, tokens))
            {
                break;
            }
        }

        int best = -1, second = -1;
        for (var l = 0; l < hits.Length; l++)
        {
            if (best < 0 || hits[l] > hits[best])
            {
                second = best;
                best = l;
            }
            else if (second < 0 || hits[l] > hits[second])
            {
                second = l;
            }
        }

        if (best < 0 || hits[best] == 0)
        {
            return (null, (null, 0), 0, tokens);
        }

        return (StopWordLanguages[best], (second >= 0 ? StopWordLanguages[second] : null, second >= 0 ? hits[second] : 0), hits[best], tokens);
    }

    private static bool Clear(ReadOnlySpan<int> hits, int tokens)
    {
        int best = 0, second = 0;
        foreach (var h in hits)
        {
            if (h > best)
            {
                second = best;
                best = h;
            }
            else if (h > second)
            {
                second = h;
            }
        }

        return tokens >= 64 && best >= tokens * 0.2 && best >= second * 4;
    }

    private static readonly string[] StopWordLanguages = [.. StopWords.ByLanguage.Keys];

    /// <summary>Each function word with a bit per language (bit i = <see cref="StopWordLanguages"/>[i]) that uses it.</summary>
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LanguageMasks = BuildMasks();

    private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BuildMasks()
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var l = 0; l < StopWordLanguages.Length; l++)
        {
            foreach (var word in StopWords.ByLanguage[StopWordLanguages[l]])
            {
                masks[word] = masks.GetValueOrDefault(word) | (1 << l);
            }
        }

        return masks.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal static ScriptCounts CountScripts(ReadOnlySpan<char> sample)
    {
        var counts = default(ScriptCounts);
        CountScripts(sample, ref counts);
        return counts;
    }

    private static void CountScripts(ReadOnlySpan<char> sample, ref ScriptCounts counts)
    {
        foreach (var c in sample)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            counts.Letters++;
            switch (c)
            {
                case <= '\u024F':
                    counts.Latin++;
                    break;
                case >= '\u0370' and <= '\u03FF':
                    counts.Greek++;
                    break;
                case >= '\u0400' and <= '\u052F':
                    counts.Cyrillic++;
                    break;
                case >= '\u0530' and <= '\u058F':
                    counts.Armenian++;
                    break;
                case >= '\u0590' and <= '\u05FF':
                    counts.Hebrew++;
                    break;
                case >= '\u0E00' and <= '\u0E7F':
                    counts.Thai++;
                    break;
                case >= '\u10A0' and <= '\u10FF':
                    counts.Georgian++;
                    break;
                case >= '\u1E00' and <= '\u1EFF':
                    counts.Latin++;
                    break;
                case >= '\u3040' and <= '\u30FF':
                    counts.Kana++;
                    break;
                case >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF':
                    counts.Han++;
                    break;
                case >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF':
                    counts.Hangul++;
                    break;
            }
        }
    }

    internal struct ScriptCounts
    {
        public int Letters;
        public int Latin;
        public int Cyrillic;
        public int Greek;
        public int Armenian;
        public int Hebrew;
        public int Thai;
        public int Georgian;
        public int Kana;
        public int Han;
        public int Hangul;
    }
}

/// <summary>A language decision and the stage that made it.</summary>
internal readonly record struct LanguageDecision(string? Code, string Stage);
