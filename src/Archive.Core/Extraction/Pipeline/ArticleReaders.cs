using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Archive.Core.Extraction.Docx;
using Archive.Core.Extraction.Html;
using Archive.Core.Extraction.Json;
using Archive.Core.Extraction.Markdown;
using Archive.Core.Extraction.Pdf;
using Archive.Core.Extraction.Text;

namespace Archive.Core.Extraction.Pipeline;

/// <summary>What a reader is given: the file's bytes, its decoded text (text formats), its path, the options and the warnings list.</summary>
internal sealed record ReaderInput(byte[] Bytes, string? Text, string Path, ExtractionOptions Options, List<string> Warnings, CancellationToken CancellationToken);

/// <summary>
/// One format's reader: the input in, what the source gives out (and the format it was read as, which a reader may
/// change: braces around plain text are read as text). Input it cannot read throws <see cref="ExtractionFailureException"/>.
/// </summary>
internal interface IArticleReader
{
    (RawArticle Article, string Format) Read(ReaderInput input);
}

/// <summary>The reader of each format the detector names.</summary>
internal static class ArticleReaders
{
    public static FrozenDictionary<string, IArticleReader> Create(HtmlArticleReader html) => new Dictionary<string, IArticleReader>(StringComparer.Ordinal)
    {
        [ArticleFormats.Pdf] = new Reader(ArticleFormats.Pdf, input => PdfArticleReader.Read(input.Bytes, input.Options, input.Warnings, input.CancellationToken)),
        [ArticleFormats.Docx] = new Reader(ArticleFormats.Docx, input => DocxArticleReader.Read(input.Bytes, input.Options, input.Warnings, input.CancellationToken)),
        [ArticleFormats.Markdown] = new Reader(ArticleFormats.Markdown, input => MarkdownArticleReader.Read(input.Text!, input.Options, input.Warnings)),
        [ArticleFormats.Text] = new Reader(ArticleFormats.Text, input => PlainTextReader.Read(input.Text!, input.Options, input.Warnings)),
        [ArticleFormats.Html] = new HtmlReader(html),
        [ArticleFormats.Json] = new JsonOrTextReader(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private sealed class Reader(string format, Func<ReaderInput, RawArticle> read) : IArticleReader
    {
        public (RawArticle Article, string Format) Read(ReaderInput input) => (read(input), format);
    }

    /// <summary>HTML: a page nested deeper than <see cref="ExtractionOptions.MaxHtmlDepth"/> is refused before it is parsed.</summary>
    private sealed class HtmlReader(HtmlArticleReader reader) : IArticleReader
    {
        public (RawArticle Article, string Format) Read(ReaderInput input)
        {
            var depth = HtmlDepth.Estimate(input.Text!);
            if (depth > input.Options.MaxHtmlDepth)
            {
                throw new ExtractionFailureException(
                    ExtractionErrorCodes.Malformed,
                    string.Create(CultureInfo.InvariantCulture, $"The HTML nests elements about {depth:N0} levels deep; the limit is {input.Options.MaxHtmlDepth:N0}."));
            }

            return (reader.Read(input.Text!, input.Path), ArticleFormats.Html);
        }
    }

    /// <summary>JSON: a record that does not parse is malformed when the file is named .json, else it is text with braces around it.</summary>
    private sealed class JsonOrTextReader : IArticleReader
    {
        public (RawArticle Article, string Format) Read(ReaderInput input)
        {
            try
            {
                return (JsonArticleReader.Read(input.Text!, input.Warnings), ArticleFormats.Json);
            }
            catch (JsonException ex)
            {
                if (FormatDetector.Extension(input.Path) == ".json")
                {
                    var message = ex.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                        ? $"The JSON nests arrays or objects more than {JsonArticleReader.MaxDepth} levels deep; an article record needs only a few levels. ({ex.Message})"
                        : $"The JSON is not valid: {ex.Message}";
                    throw new ExtractionFailureException(ExtractionErrorCodes.Malformed, message, ex);
                }

                return (PlainTextReader.Read(input.Text!, input.Options, input.Warnings), ArticleFormats.Text);
            }
        }
    }
}
