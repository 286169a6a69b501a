using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Archive.SearchEmulator;

/// <summary>
/// Azure analyzer names mapped to Lucene.Net analyzers. <c>standard.lucene</c> (the default) keeps stop words, as
/// Azure's does; <c>en.lucene</c> is Lucene's EnglishAnalyzer; <c>en.microsoft</c> is approximated by it.
/// </summary>
internal static class AnalyzerCatalog
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Dictionary<string, Func<Analyzer>> Factories = new(StringComparer.Ordinal)
    {
        ["standard.lucene"] = Standard,
        ["standard"] = Standard,
        ["en.lucene"] = () => new EnglishAnalyzer(Version),
        ["en.microsoft"] = () => new EnglishAnalyzer(Version),
        ["keyword"] = () => new KeywordAnalyzer(),
        ["simple"] = () => new SimpleAnalyzer(Version),
        ["whitespace"] = () => new WhitespaceAnalyzer(Version),
        ["stop"] = () => new StopAnalyzer(Version),
        ["standardasciifolding.lucene"] = () => new AsciiFoldingStandardAnalyzer(),
    };

    public static bool IsKnown(string name) => Factories.ContainsKey(name);

    public static Analyzer Create(string? name) => name is null ? Standard() : Factories[name]();

    public static Analyzer Standard() => new StandardAnalyzer(Version, CharArraySet.Empty);

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
