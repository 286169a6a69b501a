using System.Text;
using Archive.Core.Extraction;
using Archive.Core.Extraction.Enrichment;

namespace Archive.Core.Tests.Extraction;

/// <summary>Bad input never throws: it is rejected with a code, or read with a warning.</summary>
[Collection(ExtractionCollection.Name)]
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  ")]
    [InlineData("\uFEFF")]
    public async Task Extract_EmptyOrWhitespace_IsEmpty(string content)
    {
        await Extract.FailureAsync(content, "empty.txt", ExtractionErrorCodes.Empty);
    }

    [Fact]
    public async Task Extract_RandomBinaryNamedTxt_IsUnsupported()
    {
        var bytes = new byte[64 * 1024];
        new Random(42).NextBytes(bytes);

        await Extract.FailureAsync(bytes, "junk.txt", ExtractionErrorCodes.UnsupportedFormat);
    }

    [Fact]
    public async Task Extract_NulBytesNamedTxt_IsUnsupported()
    {
        var bytes = new byte[8192];
        "not really text"u8.CopyTo(bytes);

        await Extract.FailureAsync(bytes, "nul.txt", ExtractionErrorCodes.UnsupportedFormat);
    }

    [Fact]
    public async Task Extract_TextWithFewStrayControls_IsReadAndTheControlsRemovedWithAWarning()
    {
        // Eight bell/backspace/escape-like bytes in a short text stay under the binary threshold; a form feed is a break.
        var text = "Harbour reopens after storm repairs\n\nThe harbour\u0007 reopened on Monday\u0008 after three weeks of repairs.\u000C"
            + "Ferries\u0001 resumed\u0002 their\u0003 usual\u0004 timetable\u0005 the same afternoon, the port said.";

        var article = await Extract.ArticleAsync(text, "harbour.txt");

        Assert.DoesNotContain(article.Body, c => c < ' ' && c != '\n');
        Assert.Contains("The harbour reopened on Monday after three weeks of repairs.", article.Body, StringComparison.Ordinal);
        Assert.Contains("Ferries resumed their usual timetable", article.Body, StringComparison.Ordinal);
        Assert.Contains(article.Warnings, w => w.Contains("7 control character(s) were removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_TextFullOfControlBytes_IsUnsupported()
    {
        // Every 10th byte a control (not tab, newline, form feed or escape): far more than text ever has.
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcdefghi\u0002", 200)));

        var error = await Extract.FailureAsync(bytes, "controls.txt", ExtractionErrorCodes.UnsupportedFormat);

        Assert.Contains("200 other control bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_PngNamedTxt_IsUnsupportedAndSaysWhat()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

        var error = await Extract.FailureAsync(png, "image.txt", ExtractionErrorCodes.UnsupportedFormat);

        Assert.Contains("PNG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_InvalidUtf8Sequences_ReplacesThemWithWarning()
    {
        var bytes = Encoding.UTF8.GetBytes("Le café est fermé aujourd'hui, a dit le patron au journal local ").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes(" et demain aussi.")).ToArray();

        var article = await Extract.ArticleAsync(bytes, "cafe.txt");

        Assert.Contains("café", article.Body, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', article.Body);
        Assert.Contains(article.Warnings, w => w.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_Windows1252Text_IsDecodedAsSuchWithWarning()
    {
        var bytes = Encoding.Latin1.GetBytes("Le caf\u00e9 est ferm\u00e9 aujourd'hui, a dit le patron au journal local, et demain aussi.");

        var article = await Extract.ArticleAsync(bytes, "legacy.txt");

        Assert.Contains("café est fermé", article.Body, StringComparison.Ordinal);
        Assert.Contains(article.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_MostlyInvalidUtf8_IsMalformed()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("é"));
        for (var i = 0; i < 2000; i++)
        {
            bytes.AddRange([(byte)'a', 0xC3, (byte)'b']);
        }

        await Extract.FailureAsync(bytes.ToArray(), "mixed.txt", ExtractionErrorCodes.Malformed);
    }

    [Fact]
    public async Task Extract_Utf16WithBom_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Headline in UTF-16\n\nThe body of a file saved by an old editor in UTF-16.")).ToArray();

        var article = await Extract.ArticleAsync(bytes, "utf16.txt");

        Assert.Equal("Headline in UTF-16", article.Title);
    }

    [Fact]
    public async Task Extract_HugeSingleLine_IsReadWithWarnings()
    {
        var line = string.Concat(Enumerable.Repeat("word ", 2_100_000)).TrimEnd();
        Assert.True(line.Length >= 10_000_000);

        var article = await Extract.ArticleAsync(line, "oneline.txt");

        Assert.Equal(2_100_000, article.WordCount);
        Assert.Contains(article.Warnings, w => w.Contains("wrapped", StringComparison.Ordinal));
        Assert.Contains(article.Warnings, w => w.Contains("keywords and entities", StringComparison.Ordinal));
        Assert.Equal(ContentHash.Compute(line), article.ContentHash);
    }

    [Fact]
    public async Task Extract_DeclaredLengthOverCap_IsTooLargeWithoutReading()
    {
        using var stream = new ThrowingStream(canSeek: false, length: 0);

        var result = await Extract.Extractor.ExtractAsync(stream, "huge.txt", 1L << 30, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ExtractionErrorCodes.TooLarge, result.Error.Code);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task Extract_SeekableStreamOverCap_IsTooLargeWithoutReading()
    {
        using var stream = new ThrowingStream(canSeek: true, length: 1L << 30);

        var result = await Extract.Extractor.ExtractAsync(stream, "huge.txt", declaredLength: null, CancellationToken.None);

        Assert.Equal(ExtractionErrorCodes.TooLarge, result.Error!.Code);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task Extract_EndlessStreamWithoutLength_StopsOneByteAfterTheCap()
    {
        const int cap = 1024 * 1024;
        var extractor = new ArticleExtractor(new ExtractionOptions { MaxBytes = cap });
        using var stream = new EndlessStream(failBeyond: cap + 1);

        var result = await extractor.ExtractAsync(stream, "endless.txt", declaredLength: null, CancellationToken.None);

        Assert.Equal(ExtractionErrorCodes.TooLarge, result.Error!.Code);
        Assert.True(stream.BytesRead <= cap + 1);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100_000)]
    public async Task ExtractAsync_DeclaredLengthWrong_ReadsTheWholeContentAnyway(long declared)
    {
        var text = "Declared sizes lie\n\n" + string.Join(' ', Enumerable.Repeat("The blob's size said one thing and the stream another.", 20));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var result = await Extract.Extractor.ExtractAsync(new NonSeekable(stream), "lie.txt", declared, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("Declared sizes lie", result.Article.Title);
        Assert.EndsWith("the stream another.", result.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_DeclaredLengthUnderCapButStreamLonger_IsTooLarge()
    {
        var extractor = new ArticleExtractor(new ExtractionOptions { MaxBytes = 1000 });
        using var stream = new MemoryStream(new byte[5000]);

        var result = await extractor.ExtractAsync(new NonSeekable(stream), "liar.txt", 500, CancellationToken.None);

        Assert.Equal(ExtractionErrorCodes.TooLarge, result.Error!.Code);
    }

    [Fact]
    public async Task Extract_InputExactlyAtCap_IsAccepted()
    {
        var text = "Exactly at the cap. " + new string('x', 100);
        var bytes = Encoding.UTF8.GetBytes(text);
        var extractor = new ArticleExtractor(new ExtractionOptions { MaxBytes = bytes.Length });

        var result = await Extract.BytesAsync(bytes, "cap.txt", extractor);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesTheSetting()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ArticleExtractor(new ExtractionOptions { MaxBytes = 0 }));

        Assert.Equal("MaxBytes", ex.ParamName);
    }

    [Theory]
    [InlineData("report.txt", "pdf")]
    [InlineData("report.docx", "pdf")]
    public async Task Extract_PdfWithWrongExtension_IsDetectedByContent(string path, string format)
    {
        var pdf = Documents.Pdf([["Content decides the format.", "", "The name is only a hint and this one is wrong."]]);

        var article = await Extract.ArticleAsync(pdf, path);

        Assert.Equal(format, article.Format);
        Assert.Contains(article.Warnings, w => w.Contains("but the content is pdf", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<html><body><h1>Headline here</h1><p>Body paragraph of a page saved with the wrong name.</p></body></html>", "page.txt", ArticleFormats.Html)]
    [InlineData("{\"headline\": \"Headline here\", \"articleBody\": \"Body of a record saved with the wrong name.\"}", "record.txt", ArticleFormats.Json)]
    [InlineData("---\ntitle: Headline here\n---\n\nBody of a Markdown file saved with the wrong name.", "notes.txt", ArticleFormats.Markdown)]
    [InlineData("Headline here\n\nBody of a plain text file saved with the wrong name.", "story.pdf", ArticleFormats.Text)]
    [InlineData("Headline here\n\nBody of a plain text file saved with the wrong name.", "story.json", ArticleFormats.Text)]
    [InlineData("Headline here\n\nBody of a plain text file saved without an extension.", "story", ArticleFormats.Text)]
    public async Task Extract_WrongExtension_ContentDecides(string content, string path, string format)
    {
        var article = await Extract.ArticleAsync(content, path);

        Assert.Equal(format, article.Format);
        Assert.Equal("Headline here", article.Title);
    }

    [Fact]
    public async Task Extract_DocxNamedPdf_IsReadAsDocx()
    {
        var docx = Documents.Docx(["Ferry service resumes", "The island ferry resumed its winter schedule on Monday after a storm."]);

        var article = await Extract.ArticleAsync(docx, "ferry.pdf");

        Assert.Equal(ArticleFormats.Docx, article.Format);
        Assert.Equal("Ferry service resumes", article.Title);
    }

    [Fact]
    public async Task Extract_TruncatedDocx_IsMalformed()
    {
        var docx = Documents.Docx(["Ferry service resumes", "The island ferry resumed its winter schedule on Monday after a storm."]);

        await Extract.FailureAsync(docx[..(docx.Length / 2)], "cut.docx", ExtractionErrorCodes.Malformed);
    }

    [Fact]
    public async Task ExtractAsync_ConcurrentCallsOnOneExtractor_GiveSameResults()
    {
        var inputs = new (byte[] Content, string Path)[]
        {
            (Encoding.UTF8.GetBytes("Title: One\n\nThe first article body is here, in plain text."), "one.txt"),
            (Encoding.UTF8.GetBytes("---\ntitle: Two\n---\n\nThe second article body is here, in Markdown."), "two.md"),
            (Encoding.UTF8.GetBytes("{\"headline\": \"Three\", \"articleBody\": \"Der dritte Artikel ist auf Deutsch geschrieben und hat einen Text.\"}"), "three.json"),
            (Documents.Docx(["# Four", "The fourth article body is here, in a Word file."]), "four.docx"),
        };
        var expected = new List<string>();
        foreach (var (content, path) in inputs)
        {
            expected.Add((await Extract.BytesAsync(content, path)).Article!.ContentHash);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => Extract.BytesAsync(inputs[i % 4].Content, inputs[i % 4].Path))));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.True(results[i].Succeeded);
            Assert.Equal(expected[i % 4], results[i].Article!.ContentHash);
        }
    }

    /// <summary>Hides a stream's length and seeking, as a network stream would.</summary>
    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 7));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer[..Math.Min(buffer.Length, 7)], cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A stream that fails the test if anything reads it.</summary>
    private sealed class ThrowingStream(bool canSeek, long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => canSeek;

        public override bool CanWrite => false;

        public override long Length => canSeek ? length : throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The stream must not be read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("The stream must not be read.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>An endless, non-seekable stream of text that fails if read beyond a limit.</summary>
    private sealed class EndlessStream(long failBeyond) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (BytesRead + buffer.Length > failBeyond)
            {
                throw new InvalidOperationException($"Read past {failBeyond} bytes.");
            }

            buffer.Fill((byte)'a');
            BytesRead += buffer.Length;
            return buffer.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
