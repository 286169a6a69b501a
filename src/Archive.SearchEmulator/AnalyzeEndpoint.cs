using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Reverse;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Tr;

namespace Archive.SearchEmulator;

/// <summary>
/// The Analyze API (<c>POST /indexes/{name}/analyze</c>, the SDK's <c>search.analyze</c>): the tokens an analyzer, or a
/// tokenizer with token and character filters, makes of a text. Only predefined names are accepted; a predefined
/// tokenizer or filter the emulator does not implement is refused with a 400 naming it.
/// </summary>
internal static class AnalyzeEndpoint
{
    private static readonly Dictionary<string, Func<TextReader, Tokenizer>> Tokenizers = new(StringComparer.Ordinal)
    {
        ["standard_v2"] = r => new StandardTokenizer(AnalyzerCatalog.Version, r),
        ["classic"] = r => new ClassicTokenizer(AnalyzerCatalog.Version, r),
        ["keyword_v2"] = r => new KeywordTokenizer(r),
        ["letter"] = r => new LetterTokenizer(AnalyzerCatalog.Version, r),
        ["lowercase"] = r => new LowerCaseTokenizer(AnalyzerCatalog.Version, r),
        ["whitespace"] = r => new WhitespaceTokenizer(AnalyzerCatalog.Version, r),
        ["uax_url_email"] = r => new UAX29URLEmailTokenizer(AnalyzerCatalog.Version, r),
    };

    private static readonly Dictionary<string, Func<TokenStream, TokenStream>> TokenFilters = new(StringComparer.Ordinal)
    {
        ["lowercase"] = s => new LowerCaseFilter(AnalyzerCatalog.Version, s),
        ["uppercase"] = s => new UpperCaseFilter(AnalyzerCatalog.Version, s),
        ["asciifolding"] = s => new ASCIIFoldingFilter(s),
        ["stopwords"] = s => new StopFilter(AnalyzerCatalog.Version, s, StopAnalyzer.ENGLISH_STOP_WORDS_SET),
        ["porter_stem"] = s => new PorterStemFilter(s),
        ["kstem"] = s => new KStemFilter(s),
        ["reverse"] = s => new ReverseStringFilter(AnalyzerCatalog.Version, s),
        ["trim"] = s => new TrimFilter(AnalyzerCatalog.Version, s),
        ["apostrophe"] = s => new ApostropheFilter(s),
        ["classic"] = s => new ClassicFilter(s),
    };

    private static readonly HashSet<string> CharFilters = new(StringComparer.Ordinal) { "html_strip" };

    public static JsonObject Execute(IndexSchema schema, JsonObject body)
    {
        _ = schema;
        foreach (var (name, value) in body)
        {
            if (name is not ("text" or "analyzer" or "tokenizer" or "tokenFilters" or "charFilters") && value is not null)
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: The analyze parameter '{name}' is not supported by the emulator.", "FeatureNotSupportedByEmulator");
            }
        }

        var text = body["text"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>()
            : throw SearchApiException.BadRequest("The request is invalid. Details: text : The text to analyze is required.");
        var analyzerName = body["analyzer"]?.GetValue<string>();
        var tokenizerName = body["tokenizer"]?.GetValue<string>();
        var filters = Names(body, "tokenFilters");
        var charFilters = Names(body, "charFilters");
        if ((analyzerName is null) == (tokenizerName is null))
        {
            throw SearchApiException.BadRequest("The request is invalid. Details: Specify either an analyzer or a tokenizer, not both and not neither.");
        }

        if (analyzerName is not null && (filters.Count > 0 || charFilters.Count > 0))
        {
            throw SearchApiException.BadRequest("The request is invalid. Details: Token filters and character filters can be given only with a tokenizer, not with an analyzer.");
        }

        Analyzer analyzer;
        if (analyzerName is not null)
        {
            AnalyzerCatalog.Require(analyzerName, "analyzer", null);
            analyzer = AnalyzerCatalog.Create(analyzerName);
        }
        else
        {
            var tokenizer = Tokenizers.TryGetValue(tokenizerName!, out var tk) ? tk
                : throw NotImplemented("tokenizer", tokenizerName!, Tokenizers.Keys);
            var tokenFilters = filters.Select(f => TokenFilters.TryGetValue(f, out var tf) ? tf : throw NotImplemented("token filter", f, TokenFilters.Keys)).ToList();
            foreach (var c in charFilters.Where(c => !CharFilters.Contains(c)))
            {
                throw NotImplemented("character filter", c, CharFilters);
            }

            analyzer = new ChainAnalyzer(tokenizer, tokenFilters, charFilters.Count > 0);
        }

        var tokens = new JsonArray();
        using (analyzer)
        {
            using var stream = analyzer.GetTokenStream("analyze", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                tokens.Add(new JsonObject { ["token"] = term.ToString(), ["startOffset"] = offset.StartOffset, ["endOffset"] = offset.EndOffset, ["position"] = position });
            }

            stream.End();
        }

        return new JsonObject { ["@odata.context"] = "https://localhost/$metadata#Microsoft.Azure.Search.V2023_11_01.AnalyzeResult", ["tokens"] = tokens };
    }

    private static List<string> Names(JsonObject body, string property) => body[property] switch
    {
        null => [],
        JsonArray array => array.Select(x => x?.GetValue<string>() ?? string.Empty).ToList(),
        _ => throw SearchApiException.BadRequest($"The request is invalid. Details: {property} : An array of names was expected."),
    };

    private static SearchApiException NotImplemented(string kind, string name, IEnumerable<string> supported) =>
        SearchApiException.BadRequest(
            $"The request is invalid. Details: The {kind} '{name}' is not supported by the emulator (custom ones are not supported either); the emulator implements: {string.Join(", ", supported)}.",
            "FeatureNotSupportedByEmulator");

    /// <summary>A tokenizer, optional HTML stripping before it, and token filters after it.</summary>
    private sealed class ChainAnalyzer(Func<TextReader, Tokenizer> tokenizer, List<Func<TokenStream, TokenStream>> filters, bool stripHtml) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = tokenizer(reader);
            TokenStream stream = source;
            foreach (var filter in filters)
            {
                stream = filter(stream);
            }

            return new TokenStreamComponents(source, stream);
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) => stripHtml ? new HTMLStripCharFilter(reader) : reader;
    }
}
