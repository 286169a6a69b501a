using System.Security.Cryptography;
using System.Text;
using Archive.Core.Extraction;

namespace Archive.Benchmarks;

/// <summary>
/// Used only when no real extractor is registered (the extraction engine is wired by AddArchiveCore once merged):
/// first line title, rest body, SHA-256 of the body. Keeps the benchmark about storage and search.
/// </summary>
internal sealed class SimpleTextExtractor : IArticleExtractor
{
    public async Task<ExtractionResult> ExtractAsync(Stream content, string path, long? declaredLength, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var split = text.Split('\n', 2);
        var body = split.Length > 1 ? split[1] : split[0];
        return ExtractionResult.Success(new ExtractedArticle
        {
            Path = path,
            Format = ArticleFormats.Text,
            Title = split[0],
            Body = body,
            WordCount = body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))),
        });
    }
}
