using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Archive.Core.Tests.Extraction;

/// <summary>Builds PDF, DOCX and ZIP fixtures in code (nothing binary is committed).</summary>
internal static class Documents
{
    /// <summary>A DOCX with the given paragraphs; a paragraph starting with "#" gets the Title style.</summary>
    public static byte[] Docx(IEnumerable<string> paragraphs, string? title = null, string? creator = null, DateTime? created = null, string? keywords = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var text in paragraphs)
            {
                var paragraph = new Paragraph();
                var content = text;
                if (text.StartsWith('#'))
                {
                    paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = "Title" }));
                    content = text.TrimStart('#', ' ');
                }

                paragraph.Append(new Run(new Text(content) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                body.Append(paragraph);
            }

            main.Document = new Document(body);
            document.PackageProperties.Title = title;
            document.PackageProperties.Creator = creator;
            document.PackageProperties.Created = created;
            document.PackageProperties.Keywords = keywords;
        }

        return stream.ToArray();
    }

    /// <summary>A PDF page per entry of <paramref name="pages"/>, each a list of lines written top to bottom.</summary>
    public static byte[] Pdf(IReadOnlyList<IReadOnlyList<string>> pages, string? title = null, string? author = null, string? creationDate = null)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                if (line.Length == 0)
                {
                    y -= 18;
                    continue;
                }

                page.AddText(line, 11, new PdfPoint(50, y), font);
                y -= 14;
            }
        }

        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Author = author;
        builder.DocumentInformation.CreationDate = creationDate;
        return builder.Build();
    }

    /// <summary>A ZIP with the given entries (name → content), deflated.</summary>
    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A DOCX-shaped ZIP whose document.xml inflates to <paramref name="uncompressedBytes"/> bytes of spaces.</summary>
    public static byte[] ZipBomb(long uncompressedBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal);
            using var output = entry.Open();
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written < uncompressedBytes; written += chunk.Length)
            {
                output.Write(chunk, 0, (int)Math.Min(chunk.Length, uncompressedBytes - written));
            }
        }

        return stream.ToArray();
    }
}
