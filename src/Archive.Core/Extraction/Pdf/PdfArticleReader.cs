using System.Globalization;
using Archive.Core.Extraction.Pipeline;
using Archive.Core.Extraction.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Archive.Core.Extraction.Pdf;

/// <summary>
/// Reads PDF articles with PdfPig: the text layer page by page (content order, paragraph breaks kept), then the
/// plain-text layout analysis over it (headline, byline, date lines, footer), then the document information
/// dictionary (Title, Author, CreationDate) where the text gave nothing. Encrypted, truncated or corrupt files are
/// <c>malformed</c>; a PDF without a text layer (a scan) is <c>empty</c>.
/// </summary>
internal static class PdfArticleReader
{
    private static readonly ContentOrderTextExtractor.Options ExtractorOptions = new()
    {
        SeparateParagraphsWithDoubleNewline = true,
        ReplaceWhitespaceWithSpace = true,
    };

    public static RawArticle Read(byte[] bytes, ExtractionOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        try
        {
            return ReadDocument(bytes, options, warnings, cancellationToken);
        }
        catch (ExtractionFailureException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Malformed, "The PDF is encrypted; its text cannot be read.", ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig signals truncated and corrupt files with many exception types (PdfDocumentFormatException,
            // InvalidOperationException, IndexOutOfRangeException, ...): all of them mean the file cannot be read.
            throw new ExtractionFailureException(ExtractionErrorCodes.Malformed, $"The PDF is truncated or corrupt: {ex.Message}", ex);
        }
    }

    private static RawArticle ReadDocument(byte[] bytes, ExtractionOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
        if (document.IsEncrypted)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Malformed, "The PDF is encrypted; its text cannot be read.");
        }

        var pages = document.NumberOfPages;
        var text = new System.Text.StringBuilder();
        var read = Math.Min(pages, options.MaxPdfPages);
        for (var number = 1; number <= read; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = document.GetPage(number);
            var pageText = ContentOrderTextExtractor.GetText(page, ExtractorOptions);
            if (!string.IsNullOrWhiteSpace(pageText))
            {
                text.Append(pageText).Append("\n\n");
            }

            if (text.Length > options.MaxBytes)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The PDF's text exceeds the size limit; only pages 1 to {number} were read."));
                read = number;
                break;
            }
        }

        if (pages > read && read == options.MaxPdfPages)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The PDF has {pages:N0} pages; only the first {read:N0} were read."));
        }

        if (string.IsNullOrWhiteSpace(text.ToString()))
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Empty, "The PDF has no text layer (a scanned image?); there is no text to extract.");
        }

        var info = document.Information;
        var metaTitle = CleanMetaTitle(info.Title);
        var lines = TextLines.Split(text.ToString(), options.MaxLineLength, warnings);
        var layout = PlainTextReader.Analyze(lines, allowTitle: metaTitle is null, knownTitle: metaTitle);

        var authors = new List<string>(layout.Authors);
        if (authors.Count == 0)
        {
            AuthorNames.AddTo(authors, info.Author);
        }

        var published = layout.Published;
        var isUpdate = layout.PublishedIsUpdate;
        if (published is null && info.GetCreatedDateTimeOffset() is { } created)
        {
            published = new ParsedDate(created, null, false);
            warnings.Add("publishedAt is the PDF's creation date (document metadata), not a date printed in the article.");
        }

        TextLayout.DateWarnings(published, isUpdate, warnings);
        var keywords = new List<string>(layout.Keywords);
        if (!string.IsNullOrWhiteSpace(info.Keywords))
        {
            foreach (var keyword in info.Keywords.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!keywords.Contains(keyword, StringComparer.OrdinalIgnoreCase))
                {
                    keywords.Add(keyword);
                }
            }
        }

        return new RawArticle
        {
            Title = metaTitle ?? layout.Title,
            PublishedAt = published?.Value,
            PublishedAtPrecision = published?.Precision,
            Authors = authors,
            SiteName = layout.SiteName,
            Url = layout.Url,
            DeclaredLanguage = layout.Language,
            Summary = layout.Summary ?? (string.IsNullOrWhiteSpace(info.Subject) ? null : info.Subject.Trim()),
            Body = layout.Body,
            Keywords = keywords,
            Warnings = warnings,
        };
    }

    /// <summary>Document titles are often a file name or a tool's placeholder rather than a headline.</summary>
    internal static string? CleanMetaTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var clean = TextLines.Collapse(title);
        if (clean.StartsWith("Microsoft Word - ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var lower = clean.ToLowerInvariant();
        if (lower is "untitled" or "untitled document" or "document" or "title" or "no title" or "sans titre" or "ohne titel"
            || lower.EndsWith(".doc", StringComparison.Ordinal) || lower.EndsWith(".docx", StringComparison.Ordinal)
            || lower.EndsWith(".pdf", StringComparison.Ordinal) || lower.EndsWith(".txt", StringComparison.Ordinal)
            || lower.EndsWith(".indd", StringComparison.Ordinal))
        {
            return null;
        }

        return clean;
    }
}
