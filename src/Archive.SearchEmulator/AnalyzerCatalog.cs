using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Bg;
using Lucene.Net.Analysis.Br;
using Lucene.Net.Analysis.Ca;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Cz;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.El;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Eu;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Ga;
using Lucene.Net.Analysis.Gl;
using Lucene.Net.Analysis.Hi;
using Lucene.Net.Analysis.Hu;
using Lucene.Net.Analysis.Hy;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Lv;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ro;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.Th;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Archive.SearchEmulator;

/// <summary>
/// Every analyzer name Azure AI Search predefines (the values of the SDK's <c>LexicalAnalyzerName</c>, 11.5.1), and what
/// the emulator runs for it: the same Lucene analyzer for the <c>xx.lucene</c> names, the nearest Lucene analyzer for the
/// proprietary <c>xx.microsoft</c> names (an approximation, listed in the README), or nothing, when no Lucene.Net 4.8
/// package the emulator can use has the analyzer: such a name is refused with a 400 that says so, never replaced.
/// </summary>
internal static class AnalyzerCatalog
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The one table: Azure name, Lucene analyzer (null when not provided), and what it is or why it is missing.</summary>
    private static readonly (string Name, Func<Analyzer>? Factory, string Note)[] Table =
    [
        // Predefined, language-neutral analyzers.
        ("standard.lucene", Standard, "StandardAnalyzer, no stop words"),
        ("standard", Standard, "StandardAnalyzer, no stop words"),
        ("standardasciifolding.lucene", () => new AsciiFoldingStandardAnalyzer(), "StandardAnalyzer + ASCIIFoldingFilter"),
        ("keyword", () => new KeywordAnalyzer(), "KeywordAnalyzer"),
        ("pattern", () => new PatternLowerCaseAnalyzer(), @"PatternTokenizer \W+ + LowerCaseFilter"),
        ("simple", () => new SimpleAnalyzer(Version), "SimpleAnalyzer"),
        ("stop", () => new StopAnalyzer(Version), "StopAnalyzer (English stop words)"),
        ("whitespace", () => new WhitespaceAnalyzer(Version), "WhitespaceAnalyzer"),

        // Lucene language analyzers: the same analyzer.
        ("ar.lucene", () => new ArabicAnalyzer(Version), "ArabicAnalyzer"),
        ("bg.lucene", () => new BulgarianAnalyzer(Version), "BulgarianAnalyzer"),
        ("ca.lucene", () => new CatalanAnalyzer(Version), "CatalanAnalyzer"),
        ("cs.lucene", () => new CzechAnalyzer(Version), "CzechAnalyzer"),
        ("da.lucene", () => new DanishAnalyzer(Version), "DanishAnalyzer"),
        ("de.lucene", () => new GermanAnalyzer(Version), "GermanAnalyzer"),
        ("el.lucene", () => new GreekAnalyzer(Version), "GreekAnalyzer"),
        ("en.lucene", () => new EnglishAnalyzer(Version), "EnglishAnalyzer"),
        ("es.lucene", () => new SpanishAnalyzer(Version), "SpanishAnalyzer"),
        ("eu.lucene", () => new BasqueAnalyzer(Version), "BasqueAnalyzer"),
        ("fa.lucene", () => new PersianAnalyzer(Version), "PersianAnalyzer"),
        ("fi.lucene", () => new FinnishAnalyzer(Version), "FinnishAnalyzer"),
        ("fr.lucene", () => new FrenchAnalyzer(Version), "FrenchAnalyzer"),
        ("ga.lucene", () => new IrishAnalyzer(Version), "IrishAnalyzer"),
        ("gl.lucene", () => new GalicianAnalyzer(Version), "GalicianAnalyzer"),
        ("hi.lucene", () => new HindiAnalyzer(Version), "HindiAnalyzer"),
        ("hu.lucene", () => new HungarianAnalyzer(Version), "HungarianAnalyzer"),
        ("hy.lucene", () => new ArmenianAnalyzer(Version), "ArmenianAnalyzer"),
        ("id.lucene", () => new IndonesianAnalyzer(Version), "IndonesianAnalyzer"),
        ("it.lucene", () => new ItalianAnalyzer(Version), "ItalianAnalyzer"),
        ("ja.lucene", null, "Azure uses Kuromoji, and no Lucene.Net.Analysis.Kuromoji package is served to this project"),
        ("ko.lucene", null, "Azure uses Nori, which Lucene 4.8 does not have"),
        ("lv.lucene", () => new LatvianAnalyzer(Version), "LatvianAnalyzer"),
        ("nl.lucene", () => new DutchAnalyzer(Version), "DutchAnalyzer"),
        ("no.lucene", () => new NorwegianAnalyzer(Version), "NorwegianAnalyzer"),
        ("pl.lucene", null, "Azure uses Stempel, and no Lucene.Net.Analysis.Stempel package is served to this project"),
        ("pt-BR.lucene", () => new BrazilianAnalyzer(Version), "BrazilianAnalyzer"),
        ("pt-PT.lucene", () => new PortugueseAnalyzer(Version), "PortugueseAnalyzer"),
        ("ro.lucene", () => new RomanianAnalyzer(Version), "RomanianAnalyzer"),
        ("ru.lucene", () => new RussianAnalyzer(Version), "RussianAnalyzer"),
        ("sv.lucene", () => new SwedishAnalyzer(Version), "SwedishAnalyzer"),
        ("th.lucene", () => new ThaiAnalyzer(Version), "ThaiAnalyzer (Lucene.Net.ICU)"),
        ("tr.lucene", () => new TurkishAnalyzer(Version), "TurkishAnalyzer"),
        ("zh-Hans.lucene", () => new SmartChineseAnalyzer(Version), "SmartChineseAnalyzer (Lucene.Net.Analysis.SmartCn)"),
        ("zh-Hant.lucene", () => new CJKAnalyzer(Version), "CJKAnalyzer"),

        // Microsoft analyzers (proprietary lemmatizers): the nearest Lucene analyzer, an approximation.
        ("ar.microsoft", () => new ArabicAnalyzer(Version), "≈ ArabicAnalyzer"),
        ("bg.microsoft", () => new BulgarianAnalyzer(Version), "≈ BulgarianAnalyzer"),
        ("bn.microsoft", null, "Lucene 4.8 has no Bangla analyzer"),
        ("ca.microsoft", () => new CatalanAnalyzer(Version), "≈ CatalanAnalyzer"),
        ("cs.microsoft", () => new CzechAnalyzer(Version), "≈ CzechAnalyzer"),
        ("da.microsoft", () => new DanishAnalyzer(Version), "≈ DanishAnalyzer"),
        ("de.microsoft", () => new GermanAnalyzer(Version), "≈ GermanAnalyzer"),
        ("el.microsoft", () => new GreekAnalyzer(Version), "≈ GreekAnalyzer"),
        ("en.microsoft", () => new EnglishAnalyzer(Version), "≈ EnglishAnalyzer"),
        ("es.microsoft", () => new SpanishAnalyzer(Version), "≈ SpanishAnalyzer"),
        ("et.microsoft", null, "Lucene 4.8 has no Estonian analyzer"),
        ("fi.microsoft", () => new FinnishAnalyzer(Version), "≈ FinnishAnalyzer"),
        ("fr.microsoft", () => new FrenchAnalyzer(Version), "≈ FrenchAnalyzer"),
        ("gu.microsoft", null, "Lucene 4.8 has no Gujarati analyzer"),
        ("he.microsoft", null, "Lucene 4.8 has no Hebrew analyzer"),
        ("hi.microsoft", () => new HindiAnalyzer(Version), "≈ HindiAnalyzer"),
        ("hr.microsoft", null, "Lucene 4.8 has no Croatian analyzer"),
        ("hu.microsoft", () => new HungarianAnalyzer(Version), "≈ HungarianAnalyzer"),
        ("id.microsoft", () => new IndonesianAnalyzer(Version), "≈ IndonesianAnalyzer"),
        ("is.microsoft", null, "Lucene 4.8 has no Icelandic analyzer"),
        ("it.microsoft", () => new ItalianAnalyzer(Version), "≈ ItalianAnalyzer"),
        ("ja.microsoft", () => new CJKAnalyzer(Version), "≈ CJKAnalyzer (bigrams, no morphology)"),
        ("kn.microsoft", null, "Lucene 4.8 has no Kannada analyzer"),
        ("ko.microsoft", () => new CJKAnalyzer(Version), "≈ CJKAnalyzer (bigrams, no morphology)"),
        ("lt.microsoft", null, "Lucene 4.8 has no Lithuanian analyzer"),
        ("lv.microsoft", () => new LatvianAnalyzer(Version), "≈ LatvianAnalyzer"),
        ("ml.microsoft", null, "Lucene 4.8 has no Malayalam analyzer"),
        ("mr.microsoft", null, "Lucene 4.8 has no Marathi analyzer"),
        ("ms.microsoft", () => new IndonesianAnalyzer(Version), "≈ IndonesianAnalyzer (Malay and Indonesian share most inflection)"),
        ("nb.microsoft", () => new NorwegianAnalyzer(Version), "≈ NorwegianAnalyzer"),
        ("nl.microsoft", () => new DutchAnalyzer(Version), "≈ DutchAnalyzer"),
        ("pa.microsoft", null, "Lucene 4.8 has no Punjabi analyzer"),
        ("pl.microsoft", null, "Lucene's Polish analyzer (Stempel) is not served to this project"),
        ("pt-BR.microsoft", () => new BrazilianAnalyzer(Version), "≈ BrazilianAnalyzer"),
        ("pt-PT.microsoft", () => new PortugueseAnalyzer(Version), "≈ PortugueseAnalyzer"),
        ("ro.microsoft", () => new RomanianAnalyzer(Version), "≈ RomanianAnalyzer"),
        ("ru.microsoft", () => new RussianAnalyzer(Version), "≈ RussianAnalyzer"),
        ("sk.microsoft", null, "Lucene 4.8 has no Slovak analyzer"),
        ("sl.microsoft", null, "Lucene 4.8 has no Slovenian analyzer"),
        ("sr-cyrillic.microsoft", null, "Lucene 4.8 has no Serbian analyzer"),
        ("sr-latin.microsoft", null, "Lucene 4.8 has no Serbian analyzer"),
        ("sv.microsoft", () => new SwedishAnalyzer(Version), "≈ SwedishAnalyzer"),
        ("ta.microsoft", null, "Lucene 4.8 has no Tamil analyzer"),
        ("te.microsoft", null, "Lucene 4.8 has no Telugu analyzer"),
        ("th.microsoft", () => new ThaiAnalyzer(Version), "≈ ThaiAnalyzer"),
        ("tr.microsoft", () => new TurkishAnalyzer(Version), "≈ TurkishAnalyzer"),
        ("uk.microsoft", null, "Lucene 4.8 has no Ukrainian analyzer"),
        ("ur.microsoft", null, "Lucene 4.8 has no Urdu analyzer"),
        ("vi.microsoft", null, "Lucene 4.8 has no Vietnamese analyzer"),
        ("zh-Hans.microsoft", () => new SmartChineseAnalyzer(Version), "≈ SmartChineseAnalyzer"),
        ("zh-Hant.microsoft", () => new CJKAnalyzer(Version), "≈ CJKAnalyzer"),
    ];

    private static readonly Dictionary<string, (Func<Analyzer>? Factory, string Note)> ByName =
        Table.ToDictionary(e => e.Name, e => (e.Factory, e.Note), StringComparer.OrdinalIgnoreCase);

    /// <summary>The names allowed in <c>indexAnalyzer</c>/<c>searchAnalyzer</c>: Azure refuses language analyzers there.</summary>
    private static readonly HashSet<string> NonLanguage =
        new(["standard.lucene", "standard", "standardasciifolding.lucene", "keyword", "pattern", "simple", "stop", "whitespace"], StringComparer.OrdinalIgnoreCase);

    /// <summary>True when Azure predefines the name (whether or not the emulator provides it).</summary>
    public static bool IsAzureName(string name) => ByName.ContainsKey(name);

    /// <summary>True when the emulator has an analyzer for the name.</summary>
    public static bool IsKnown(string name) => ByName.TryGetValue(name, out var e) && e.Factory is not null;

    public static bool IsLanguageAnalyzer(string name) => ByName.ContainsKey(name) && !NonLanguage.Contains(name);

    /// <summary>Why a name Azure knows is not provided, or null when it is.</summary>
    public static string? MissingReason(string name) => ByName.TryGetValue(name, out var e) && e.Factory is null ? e.Note : null;

    /// <summary>
    /// Checks a name given in <paramref name="property"/> of field <paramref name="field"/> (or an Analyze request) and
    /// throws Azure's 400 for a name it does not know, or a 400 naming the gap for one the emulator cannot provide.
    /// </summary>
    public static void Require(string name, string property, string? field)
    {
        var where = field is null ? string.Empty : $" of field '{field}'";
        if (!ByName.TryGetValue(name, out var entry))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: {property} : The analyzer '{name}'{where} is neither a predefined analyzer nor defined in the index. Custom analyzers are not supported by the emulator.");
        }

        if (entry.Factory is null)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: {property} : The analyzer '{name}'{where} exists in Azure AI Search but the emulator cannot provide it: {entry.Note}.", "AnalyzerNotSupportedByEmulator");
        }
    }

    public static Analyzer Create(string? name) => name is null ? Standard() : ByName[name].Factory!();

    public static Analyzer Standard() => new StandardAnalyzer(Version, CharArraySet.Empty);

    /// <summary>Azure's <c>pattern</c> analyzer with its defaults: split on <c>\W+</c>, lower-cased, no stop words.</summary>
    private sealed class PatternLowerCaseAnalyzer : Analyzer
    {
        private static readonly Regex Separator = new(@"\W+", RegexOptions.Compiled);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new PatternTokenizer(reader, Separator, -1);
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
        }
    }

    /// <summary>standard.lucene followed by ASCII folding.</summary>
    private sealed class AsciiFoldingStandardAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new StandardFilter(Version, tokenizer);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
