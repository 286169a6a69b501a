using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

using Archive.Core.Extraction;

namespace Archive.Extraction.Tooling.Hostile;

/// <summary>
/// One hostile input: how to open it, the length to declare (as a blob's size would), and what the pipeline must do
/// with it: fail with <see cref="ExpectedCode"/>, or (when that is null) succeed.
/// </summary>
public sealed class HostileFile
{
    private readonly Lazy<byte[]>? content;
    private readonly long generatedLength;
    private readonly bool seekable;

    internal HostileFile(string name, string description, string? expectedCode, Func<byte[]> make)
    {
        Name = name;
        Description = description;
        ExpectedCode = expectedCode;
        content = new Lazy<byte[]>(make, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    internal HostileFile(string name, string description, string? expectedCode, long generatedLength, bool seekable)
    {
        Name = name;
        Description = description;
        ExpectedCode = expectedCode;
        this.generatedLength = generatedLength;
        this.seekable = seekable;
    }

    /// <summary>A short name, also the path given to the extractor (its extension is a hint only).</summary>
    public string Name { get; }

    /// <summary>What the file is.</summary>
    public string Description { get; }

    /// <summary>The rejection code expected, or null when a correct extraction is expected.</summary>
    public string? ExpectedCode { get; }

    /// <summary>True for inputs generated while they are read (never held in memory whole).</summary>
    public bool IsStreamed => content is null;

    /// <summary>The content's length in bytes (building an in-memory file's content once).</summary>
    public long Length => content?.Value.LongLength ?? generatedLength;

    /// <summary>The length to declare to the extractor: known for in-memory files and seekable streams, null otherwise.</summary>
    public long? DeclaredLength => content is not null || seekable ? Length : null;

    /// <summary>The content of an in-memory file (built on first use); null for a streamed one.</summary>
    public byte[]? Content => content?.Value;

    /// <summary>Opens the content: a fresh stream each call.</summary>
    public Stream Open() => content is not null ? new MemoryStream(content.Value, writable: false) : new GeneratedStream(generatedLength, seekable);

    public override string ToString() => Name;
}

/// <summary>
/// Hostile inputs for the extraction pipeline, generated in code (nothing is stored): truncated and encrypted PDFs,
/// zip bombs (honest and lying about their size), entity expansion, a 200 MB file, a 10 MB line, binary junk, invalid
/// UTF-8, HTML nested 100,000 deep, JSON nested 1,000,000 deep, YAML front matter nested 30,000 deep, Markdown
/// brackets 1,000,000 deep, a page of scripts only. Used by the hostile-file tests, <c>archive bench hostile</c> and
/// as fuzzing seeds.
/// </summary>
public static class HostileCorpus
{
    /// <summary>200 MiB: four times the default size cap.</summary>
    public const long HugeLength = 200L * 1024 * 1024;

    private const string WordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Every hostile file, in a fixed order.</summary>
    public static IReadOnlyList<HostileFile> All { get; } = Build();

    /// <summary>A small, ordinary article of each text format and a PDF and DOCX, to run beside the hostile files.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Ordinary() =>
    [
        ("ordinary.txt", Encoding.UTF8.GetBytes("Harbour bridge reopens\n\nBy Ana Silva\n\nThe harbour bridge reopened on Monday after three weeks of repairs, the city council said.")),
        ("ordinary.html", Encoding.UTF8.GetBytes("<!DOCTYPE html><html lang=\"en\"><head><title>Library extends hours</title></head><body><article><h1>Library extends hours</h1><p>The central library will open until nine in the evening from next month, the council announced.</p></article></body></html>")),
        ("ordinary.json", Encoding.UTF8.GetBytes("{\"headline\": \"Tram line extended\", \"datePublished\": \"2024-03-01\", \"articleBody\": \"The tram line was extended by two stops to the new hospital, the transport authority said on Friday.\"}")),
        ("ordinary.md", Encoding.UTF8.GetBytes("---\ntitle: Market moves indoors\n---\n\nThe weekly farmers' market moves into the old station hall for the winter, the organisers said.")),
        ("ordinary.pdf", Pdf(["Ferry timetable changes", string.Empty, "The island ferry runs every two hours from Monday, the operator said."])),
        ("ordinary.docx", Docx("<w:p><w:r><w:t>Park reopens after storm</w:t></w:r></w:p><w:p><w:r><w:t>The city park reopened on Sunday after fallen trees were cleared, the parks office said.</w:t></w:r></w:p>")),
    ];

    private static List<HostileFile> Build()
    {
        var files = new List<HostileFile>();
        void Add(string name, string description, string? code, Func<byte[]> make) => files.Add(new HostileFile(name, description, code, make));

        Add("truncated.pdf", "a PDF cut in half (no xref, no trailer)", ExtractionErrorCodes.Malformed, () =>
        {
            var pdf = Pdf(["Council approves budget", string.Empty, string.Concat(Enumerable.Repeat("The council approved the budget for next year on Tuesday. ", 40))]);
            return pdf[..(pdf.Length / 2)];
        });
        Add("encrypted.pdf", "a PDF with a standard security handler (RC4, unknown password)", ExtractionErrorCodes.Malformed, EncryptedPdf);
        Add("zip-bomb.docx", "a DOCX whose document.xml inflates to 1 GiB (about 1 MB compressed)", ExtractionErrorCodes.TooLarge, () => ZipBomb(1L << 30, declareTruthfully: true));
        Add("zip-bomb-lying.docx", "a DOCX whose zip directory says document.xml is 4 KiB but it inflates to 256 MiB", ExtractionErrorCodes.Malformed, () => ZipBomb(256L << 20, declareTruthfully: false));
        Add("billion-laughs.docx", "a DOCX whose document.xml declares nested entities (billion laughs)", ExtractionErrorCodes.Malformed, BillionLaughsDocx);
        Add("line-10mb.txt", "a single 10 MB line of letters with no whitespace at all", null, () => Encoding.ASCII.GetBytes(new string('a', 10_000_000)));
        Add("binary-junk.txt", "1 MB of random bytes named .txt", ExtractionErrorCodes.UnsupportedFormat, () =>
        {
            var bytes = new byte[1 << 20];
            new Random(6).NextBytes(bytes);
            return bytes;
        });
        Add("invalid-utf8.txt", "text where every other character is a broken UTF-8 sequence", ExtractionErrorCodes.Malformed, () =>
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes("Caf\u00e9 "));
            for (var i = 0; i < 100_000; i++)
            {
                bytes.AddRange([(byte)'a', 0xC3, (byte)' ', 0xE2, 0x82]);
            }

            return [.. bytes];
        });
        Add("html-nested-100k.html", "HTML with 100,000 nested <div> elements", ExtractionErrorCodes.Malformed, () => Nested("<div>", "</div>", 100_000, "<html><body>", "<p>The deepest sentence.</p>", "</body></html>"));
        Add("html-nested-100k-custom.html", "HTML with 100,000 nested custom elements (<x-n>) left unclosed", null, () => Nested("<x-n>", string.Empty, 100_000, "<html><body><h1>Deep page</h1>", "<p>The deepest sentence of the page survives the nesting.</p>", "</body></html>"));
        Add("json-nested-1m.json", "a JSON array nested 1,000,000 deep", ExtractionErrorCodes.Malformed, () => Nested("[", "]", 1_000_000, string.Empty, string.Empty, string.Empty));
        Add("json-objects-nested-1m.json", "a JSON object nested 1,000,000 deep ({\"a\":{\"a\":...}})", ExtractionErrorCodes.Malformed, () => Nested("{\"a\":", "}", 1_000_000, string.Empty, "1", string.Empty));
        Add("yaml-nested-30k.md", "Markdown whose YAML front matter nests a flow sequence 30,000 deep (front matter is capped at 64 KiB)", null, () => Nested("[", "]", 30_000, "---\ntitle: Deep front matter\ntags: ", string.Empty, "\n---\n\nThe body of an article whose front matter nests a list thirty thousand levels deep."));
        Add("markdown-brackets-1m.md", "Markdown of 1,000,000 opening brackets and emphasis markers", ExtractionErrorCodes.Malformed, () => Encoding.ASCII.GetBytes("# Brackets\n\n" + string.Concat(Enumerable.Repeat("[*_", 333_334)) + "\n"));
        Add("scripts-only.html", "an HTML page of only <script> elements (no visible text)", ExtractionErrorCodes.Empty, () =>
        {
            var html = new StringBuilder("<!DOCTYPE html><html><head><script>var a = 1;</script></head><body>");
            for (var i = 0; i < 2_000; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<script>window.tracker{i} = function () {{ return \"<p>not text</p>\"; }};</script>\n");
            }

            return Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString());
        });

        // The huge inputs are streams generated on the fly: 200 MiB is never in memory.
        files.Add(new HostileFile("huge-200mb.txt", "200 MiB of text, its length declared (as a blob's size is)", ExtractionErrorCodes.TooLarge, HugeLength, seekable: true));
        files.Add(new HostileFile("huge-200mb-unknown-length.txt", "200 MiB of text on a stream that neither seeks nor declares its length", ExtractionErrorCodes.TooLarge, HugeLength, seekable: false));
        return files;
    }

    /// <summary>A small one-page PDF with the given lines.</summary>
    public static byte[] Pdf(IReadOnlyList<string> lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 780.0;
        foreach (var line in lines)
        {
            if (line.Length > 0)
            {
                var text = line.Length > 90 ? line[..90] : line;
                page.AddText(text, 11, new PdfPoint(50, y), font);
            }

            y -= 16;
        }

        return builder.Build();
    }

    /// <summary>A well-formed DOCX package (content types, relationships) around <paramref name="documentXml"/> as word/document.xml, whatever it holds.</summary>
    public static byte[] DocxPackage(ReadOnlySpan<byte> documentXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("[Content_Types].xml", ContentTypes), ("_rels/.rels", Relationships) })
            {
                using var output = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                output.Write(Encoding.UTF8.GetBytes(content));
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            document.Write(documentXml);
        }

        return stream.ToArray();
    }

    /// <summary>A DOCX package whose body is <paramref name="bodyXml"/> (w: elements).</summary>
    public static byte[] Docx(string bodyXml) => Zip(
        ("[Content_Types].xml", ContentTypes),
        ("_rels/.rels", Relationships),
        ("word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{WordMain}\"><w:body>{bodyXml}</w:body></w:document>"));

    private const string ContentTypes = """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string Relationships = """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                using var output = entry.Open();
                output.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return stream.ToArray();
    }

    private static byte[] BillionLaughsDocx()
    {
        var dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        dtd.Append("]>");
        var document = $"<?xml version=\"1.0\"?>{dtd}<w:document xmlns:w=\"{WordMain}\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
        return Zip(("[Content_Types].xml", ContentTypes), ("_rels/.rels", Relationships), ("word/document.xml", document));
    }

    /// <summary>
    /// A DOCX whose document.xml is a valid start followed by <paramref name="inflated"/> bytes of one letter. When
    /// <paramref name="declareTruthfully"/> is false, both zip headers claim 4 KiB uncompressed.
    /// </summary>
    private static byte[] ZipBomb(long inflated, bool declareTruthfully)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("[Content_Types].xml", ContentTypes), ("_rels/.rels", Relationships) })
            {
                using var output = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                output.Write(Encoding.UTF8.GetBytes(content));
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            document.Write(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><w:document xmlns:w=\"{WordMain}\"><w:body><w:p><w:r><w:t>"));
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'a');
            for (long written = 0; written < inflated; written += chunk.Length)
            {
                document.Write(chunk, 0, (int)Math.Min(chunk.Length, inflated - written));
            }

            document.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
        }

        var bytes = stream.ToArray();
        if (!declareTruthfully)
        {
            LieAboutSize(bytes, "word/document.xml", 4096);
        }

        return bytes;
    }

    /// <summary>Rewrites the uncompressed size of <paramref name="entryName"/> in its local header and central directory record.</summary>
    private static void LieAboutSize(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.ASCII.GetBytes(entryName);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, Math.Min(name.Length, zip.Length - i - 46)).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
            }
        }
    }

    /// <summary>A one-page PDF whose trailer names an RC4 security handler with a password that is not empty.</summary>
    private static byte[] EncryptedPdf()
    {
        var random = new Random(7);
        string Hex(int count)
        {
            var bytes = new byte[count];
            random.NextBytes(bytes);
            return Convert.ToHexString(bytes);
        }

        const string content = "BT /F1 12 Tf 72 720 Td (Secret budget figures) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Filter /Standard /V 2 /R 3 /Length 128 /O <{Hex(32)}> /U <{Hex(32)}> /P -1084 >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        var id = Hex(16);
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static byte[] Nested(string open, string close, int depth, string before, string middle, string after)
    {
        var text = new StringBuilder(before.Length + middle.Length + after.Length + (depth * (open.Length + close.Length)));
        text.Append(before);
        text.Insert(text.Length, open, depth);
        text.Append(middle);
        if (close.Length > 0)
        {
            text.Insert(text.Length, close, depth);
        }

        text.Append(after);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
