using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Archive.Core.Extraction.Pdf;
using Archive.Core.Extraction.Pipeline;
using Archive.Core.Extraction.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Archive.Core.Extraction.Docx;

/// <summary>
/// Reads DOCX articles with the Open XML SDK: core properties (title, creator, created, keywords, description) and
/// the body's paragraphs, then the plain-text layout analysis over them. Zip bombs are refused before anything is
/// inflated: the entry count and the declared uncompressed sizes are checked against the caps, and the SDK's
/// per-part character limit stops a part that inflates beyond its declaration. DTDs (and so entity expansion) are
/// prohibited by the SDK's XML reader; such a file is <c>malformed</c>.
/// </summary>
internal static partial class DocxArticleReader
{
    public static RawArticle Read(byte[] bytes, ExtractionOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        CheckPackage(bytes, options);
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
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException
            or FormatException or ArgumentException or NotSupportedException)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Malformed, $"The DOCX is corrupt or not a valid Word document: {ex.Message}", ex);
        }
    }

    /// <summary>Refuses a package whose zip directory promises more than the caps allow, before inflating anything.</summary>
    internal static void CheckPackage(byte[] bytes, ExtractionOptions options)
    {
        var cap = options.EffectiveMaxUncompressedBytes;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxZipEntries)
            {
                throw new ExtractionFailureException(
                    ExtractionErrorCodes.TooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"The DOCX package has {zip.Entries.Count:N0} entries; the limit is {options.MaxZipEntries:N0}."));
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > cap || total > cap)
                {
                    throw new ExtractionFailureException(
                        ExtractionErrorCodes.TooLarge,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"The DOCX package inflates to more than {cap:N0} bytes ('{entry.FullName}' alone declares {entry.Length:N0}); it is refused as a possible zip bomb."));
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Malformed, $"The DOCX container is truncated or corrupt: {ex.Message}", ex);
        }
    }

    private static RawArticle ReadDocument(byte[] bytes, ExtractionOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        var settings = new OpenSettings
        {
            AutoSave = false,
            MaxCharactersInPart = options.EffectiveMaxUncompressedBytes,
        };

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false, settings);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new ExtractionFailureException(ExtractionErrorCodes.Malformed, "The DOCX has no document body.");

        string? styledTitle = null;
        var lines = new List<TextLine>();
        var paragraphs = 0;
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            if (++paragraphs % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var text = ParagraphText(paragraph);
            if (text.Length == 0)
            {
                continue;
            }

            var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            if (styledTitle is null && lines.Count == 0 && style is not null && TitleStyle().IsMatch(style))
            {
                styledTitle = text;
                continue;
            }

            lines.AddRange(TextLines.Split(text, options.MaxLineLength, warnings));
            lines.Add(TextLine.Empty);
        }

        if (lines.Count == 0)
        {
            if (styledTitle is null)
            {
                throw new ExtractionFailureException(ExtractionErrorCodes.Empty, "The DOCX has no text.");
            }

            lines.Add(TextLine.Of(styledTitle));
            styledTitle = null;
        }

        var properties = document.PackageProperties;
        var metaTitle = PdfArticleReader.CleanMetaTitle(properties.Title) ?? styledTitle;
        var layout = PlainTextReader.Analyze(lines, allowTitle: metaTitle is null, knownTitle: metaTitle);

        var authors = new List<string>(layout.Authors);
        if (authors.Count == 0)
        {
            AuthorNames.AddTo(authors, properties.Creator);
        }

        var published = layout.Published;
        if (published is null && properties.Created is { } created)
        {
            published = new ParsedDate(new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)), null, false);
            warnings.Add("publishedAt is the DOCX's creation date (document metadata), not a date printed in the article.");
        }

        TextLayout.DateWarnings(published, layout.PublishedIsUpdate, warnings);
        var keywords = new List<string>(layout.Keywords);
        if (!string.IsNullOrWhiteSpace(properties.Keywords))
        {
            foreach (var keyword in properties.Keywords.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!keywords.Contains(keyword, StringComparer.OrdinalIgnoreCase))
                {
                    keywords.Add(keyword);
                }
            }
        }

        var summary = layout.Summary
            ?? (string.IsNullOrWhiteSpace(properties.Description) ? null : TextLines.Collapse(properties.Description))
            ?? (string.IsNullOrWhiteSpace(properties.Subject) ? null : TextLines.Collapse(properties.Subject));

        return new RawArticle
        {
            Title = metaTitle ?? layout.Title,
            PublishedAt = published?.Value,
            PublishedAtPrecision = published?.Precision,
            Authors = authors,
            SiteName = layout.SiteName,
            Url = layout.Url,
            DeclaredLanguage = layout.Language ?? (string.IsNullOrWhiteSpace(properties.Language) ? null : properties.Language),
            Summary = summary,
            Body = layout.Body,
            Keywords = keywords,
            Warnings = warnings,
        };
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case WordText text:
                    builder.Append(text.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    builder.Append(' ');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
            }
        }

        return TextLines.Collapse(builder.ToString());
    }

    [GeneratedRegex(@"^(?:title|titel|titre|t[ií]tulo|titolo|heading1|berschrift1|überschrift1|titre1|t[ií]tulo1)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleStyle();
}
