using System.Text;
using Archive.Core.Extraction;

namespace Archive.Core.Tests.Extraction;

/// <summary>Runs the real pipeline on fixtures written in the tests.</summary>
internal static class Extract
{
    /// <summary>One extractor for all tests, as in production (it is thread-safe).</summary>
    public static readonly ArticleExtractor Extractor = new();

    public static async Task<ExtractionResult> BytesAsync(byte[] content, string path, ArticleExtractor? extractor = null)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await (extractor ?? Extractor).ExtractAsync(stream, path, content.Length, CancellationToken.None);
    }

    public static Task<ExtractionResult> TextAsync(string content, string path, ArticleExtractor? extractor = null) =>
        BytesAsync(Encoding.UTF8.GetBytes(content), path, extractor);

    /// <summary>Extracts and asserts success.</summary>
    public static async Task<ExtractedArticle> ArticleAsync(string content, string path)
    {
        var result = await TextAsync(content, path);
        Assert.True(result.Succeeded, result.Error?.Code + ": " + result.Error?.Message);
        return result.Article;
    }

    public static async Task<ExtractedArticle> ArticleAsync(byte[] content, string path)
    {
        var result = await BytesAsync(content, path);
        Assert.True(result.Succeeded, result.Error?.Code + ": " + result.Error?.Message);
        return result.Article;
    }

    /// <summary>Extracts and asserts failure with <paramref name="code"/>.</summary>
    public static async Task<ExtractionError> FailureAsync(byte[] content, string path, string code, ArticleExtractor? extractor = null)
    {
        var result = await BytesAsync(content, path, extractor);
        Assert.False(result.Succeeded, $"expected {code}, got an article: {result.Article?.Title}");
        Assert.Equal(code, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        return result.Error;
    }

    public static Task<ExtractionError> FailureAsync(string content, string path, string code) =>
        FailureAsync(Encoding.UTF8.GetBytes(content), path, code);
}
