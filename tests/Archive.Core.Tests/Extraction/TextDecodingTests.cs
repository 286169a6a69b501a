using System.Text;
using Archive.Core.Extraction.Pipeline;

namespace Archive.Core.Tests.Extraction;

/// <summary>
/// Strict UTF-8 decoding: small texts are decoded in one pass into a pooled buffer, large ones checked and then
/// decoded; both must give the same text, and both must send an invalid sequence to the repair path.
/// </summary>
public sealed class TextDecodingTests
{
    // Either side of the one-pass limit (256 KB), with 1-, 2-, 3- and 4-byte sequences.
    [Theory]
    [InlineData(1)]
    [InlineData(4 * 1024)]
    [InlineData(200 * 1024)]
    [InlineData(300 * 1024)]
    public void Decode_ValidUtf8_GivesTheExactText(int bytes)
    {
        var text = Text(bytes);
        var warnings = new List<string>();

        var decoded = TextDecoding.Decode(Encoding.UTF8.GetBytes(text), warnings);

        Assert.Equal(text, decoded);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData(4 * 1024)]
    [InlineData(300 * 1024)]
    public void Decode_OneInvalidSequenceAtTheEnd_IsReplacedWithAWarning(int bytes)
    {
        var text = Text(bytes);
        var content = Encoding.UTF8.GetBytes(text).Concat(new byte[] { 0xC3, (byte)'!' }).ToArray();
        var warnings = new List<string>();

        var decoded = TextDecoding.Decode(content, warnings);

        Assert.Equal(text + "\uFFFD!", decoded);
        Assert.Contains(warnings, w => w.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    /// <summary>At least <paramref name="bytes"/> bytes of UTF-8 mixing Latin, Cyrillic, Han and an emoji (a surrogate pair).</summary>
    private static string Text(int bytes)
    {
        const string Chunk = "harbour café Жёлтый 港口 😀 reopened\n";
        var chunkBytes = Encoding.UTF8.GetByteCount(Chunk);
        return string.Concat(Enumerable.Repeat(Chunk, (bytes + chunkBytes - 1) / chunkBytes));
    }
}
