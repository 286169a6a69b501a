using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Archive.Core.Extraction.Pipeline;

/// <summary>What detection found: the format, and the decoded text for the text-based formats.</summary>
internal sealed record DetectedInput(string Format, string? Text);

/// <summary>
/// Decides an input's format from its content first and its name second, so that a wrong extension never defeats
/// detection: magic bytes (PDF, ZIP/DOCX, common binaries), then text sniffing (HTML, JSON, Markdown front matter),
/// then the extension for Markdown, then plain text.
/// </summary>
internal static partial class FormatDetector
{
    private static readonly (byte[] Magic, int Offset, string Name)[] BinarySignatures =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], 0, "a PNG image"),
        ([(byte)'G', (byte)'I', (byte)'F', (byte)'8'], 0, "a GIF image"),
        ([0xFF, 0xD8, 0xFF], 0, "a JPEG image"),
        ([(byte)'R', (byte)'I', (byte)'F', (byte)'F'], 0, "a RIFF media file (WebP, WAV or AVI)"),
        ([(byte)'f', (byte)'t', (byte)'y', (byte)'p'], 4, "an MP4/QuickTime/HEIF media file"),
        ([(byte)'I', (byte)'D', (byte)'3'], 0, "an MP3 audio file"),
        ([(byte)'O', (byte)'g', (byte)'g', (byte)'S'], 0, "an Ogg media file"),
        ([0x1A, 0x45, 0xDF, 0xA3], 0, "a Matroska/WebM media file"),
        ([0x1F, 0x8B], 0, "a gzip archive"),
        ([(byte)'B', (byte)'Z', (byte)'h'], 0, "a bzip2 archive"),
        ([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], 0, "an xz archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], 0, "a zstd archive"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7-Zip archive"),
        ([(byte)'R', (byte)'a', (byte)'r', (byte)'!'], 0, "a RAR archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0, "a legacy Office (OLE) document such as .doc; save it as .docx"),
        ([(byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f'], 0, "an RTF document; save it as .docx"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], 0, "an ELF executable"),
        ([(byte)'M', (byte)'Z'], 0, "a Windows executable"),
        ([(byte)'%', (byte)'!', (byte)'P', (byte)'S'], 0, "a PostScript file"),
        ([(byte)'S', (byte)'Q', (byte)'L', (byte)'i', (byte)'t', (byte)'e'], 0, "an SQLite database"),
        ([(byte)'w', (byte)'O', (byte)'F', (byte)'F'], 0, "a web font"),
        ([0x00, 0x00, 0x01, 0x00], 0, "an icon file"),
    ];

    public static DetectedInput Detect(byte[] bytes, string path, ExtractionOptions options, List<string> warnings)
    {
        if (bytes.Length == 0)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Empty, "The file is empty.");
        }

        var extension = Extension(path);
        ReadOnlySpan<byte> head = bytes.AsSpan(0, Math.Min(bytes.Length, 1024));

        // PDF allows junk before the header; readers look in the first kilobyte.
        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            return Found(ArticleFormats.Pdf, null, extension, warnings);
        }

        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8) || head.StartsWith("PK\x07\x08"u8))
        {
            DescribeZip(bytes, options);
            return Found(ArticleFormats.Docx, null, extension, warnings);
        }

        foreach (var (magic, offset, name) in BinarySignatures)
        {
            if (head.Length >= offset + magic.Length && head.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                // "MZ" and the icon header are short: only trust them when the rest is not text.
                if (magic.Length <= 2 && offset == 0 && name is "a Windows executable" && !ContainsNul(head))
                {
                    continue;
                }

                throw new ExtractionFailureException(ExtractionErrorCodes.UnsupportedFormat, $"The content is {name}, not a supported article format.");
            }
        }

        var text = TextDecoding.Decode(bytes, warnings);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Empty, "The file holds only whitespace.");
        }

        return Found(SniffText(text, extension), text, extension, warnings);
    }

    /// <summary>The format of decoded text: HTML, JSON, Markdown (front matter, heading, or a Markdown name), or plain text.</summary>
    internal static string SniffText(string text, string extension)
    {
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        var head = text.AsSpan(start, Math.Min(text.Length - start, 4096));
        if (head.Length == 0)
        {
            return ArticleFormats.Text;
        }

        if (head[0] == '<' && HtmlStart().IsMatch(head))
        {
            return ArticleFormats.Html;
        }

        if (HtmlMarker().IsMatch(head))
        {
            return ArticleFormats.Html;
        }

        if (head[0] is '{' or '[')
        {
            var end = text.Length - 1;
            while (end > start && char.IsWhiteSpace(text[end]))
            {
                end--;
            }

            if ((head[0] == '{' && text[end] == '}') || (head[0] == '[' && text[end] == ']') || extension == ".json")
            {
                return ArticleFormats.Json;
            }
        }

        if (IsHtmlName(extension) && HtmlTag().IsMatch(head))
        {
            return ArticleFormats.Html;
        }

        if (head[0] == '<' && HtmlTag().Count(head) >= 3)
        {
            return ArticleFormats.Html;
        }

        if (Markdown.FrontMatter.HasFrontMatter(text.AsSpan(start)))
        {
            return ArticleFormats.Markdown;
        }

        if (extension is ".md" or ".markdown" or ".mdown" or ".mkd" or ".mkdn" or ".mdwn")
        {
            return ArticleFormats.Markdown;
        }

        if (MarkdownHeading().IsMatch(head))
        {
            return ArticleFormats.Markdown;
        }

        return ArticleFormats.Text;
    }

    private static DetectedInput Found(string format, string? text, string extension, List<string> warnings)
    {
        var expected = FormatOfExtension(extension);
        if (expected is not null && expected != format)
        {
            warnings.Add($"The name ends in '{extension}' but the content is {format}; it was read as {format}.");
        }

        return new DetectedInput(format, text);
    }

    /// <summary>Checks that a ZIP is a DOCX; anything else is unsupported, a corrupt one malformed.</summary>
    private static void DescribeZip(byte[] bytes, ExtractionOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxZipEntries)
            {
                throw new ExtractionFailureException(ExtractionErrorCodes.TooLarge, $"The ZIP archive has {zip.Entries.Count:N0} entries; the limit is {options.MaxZipEntries:N0}.");
            }

            if (zip.GetEntry("word/document.xml") is not null)
            {
                return;
            }

            var kind =
                zip.GetEntry("xl/workbook.xml") is not null ? "an Excel workbook (.xlsx)"
                : zip.GetEntry("ppt/presentation.xml") is not null ? "a PowerPoint presentation (.pptx)"
                : zip.GetEntry("content.xml") is not null ? "an OpenDocument file"
                : zip.GetEntry("META-INF/container.xml") is not null ? "an EPUB book"
                : "a ZIP archive";
            throw new ExtractionFailureException(ExtractionErrorCodes.UnsupportedFormat, $"The content is {kind}, not a supported article format (a DOCX needs word/document.xml).");
        }
        catch (InvalidDataException ex)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Malformed, $"The ZIP/DOCX container is truncated or corrupt: {ex.Message}", ex);
        }
    }

    private static bool ContainsNul(ReadOnlySpan<byte> span) => span.IndexOf((byte)0) >= 0;

    internal static string Extension(string path)
    {
        try
        {
            return Path.GetExtension(path).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }
    }

    private static bool IsHtmlName(string extension) => extension is ".html" or ".htm" or ".xhtml" or ".shtml" or ".php" or ".asp" or ".aspx";

    private static string? FormatOfExtension(string extension) => extension switch
    {
        ".txt" or ".text" => ArticleFormats.Text,
        ".md" or ".markdown" or ".mdown" or ".mkd" or ".mkdn" or ".mdwn" => ArticleFormats.Markdown,
        ".html" or ".htm" or ".xhtml" or ".shtml" => ArticleFormats.Html,
        ".json" => ArticleFormats.Json,
        ".pdf" => ArticleFormats.Pdf,
        ".docx" => ArticleFormats.Docx,
        _ => null,
    };

    [GeneratedRegex(@"\A(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|title[\s>]|\?xml[^>]*>\s*(?:<!doctype\s+html|<html))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"<!doctype\s+html|<html[\s>]|<body[\s>]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlMarker();

    [GeneratedRegex(@"</?(?:p|div|h[1-6]|article|section|span|a|br|ul|ol|li|table|img|em|strong|b|i|blockquote|main|header|footer|nav)(?:\s[^>]*)?/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\A#{1,3}[ \t]+\S")]
    private static partial Regex MarkdownHeading();
}
