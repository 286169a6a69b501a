using System.Security.Cryptography;
using System.Text;
using Archive.Core.Extraction;

namespace Archive.Core.Tests;

/// <summary>
/// A stand-in for the extraction engine: the first line is the title, the rest the body, the hash is SHA-256 of the
/// body. A blob whose text starts with <c>!code message</c> fails with that code. Counts calls.
/// </summary>
public sealed class FakeArticleExtractor : IArticleExtractor
{
    private int calls;

    public int Calls => calls;

    /// <summary>Runs once per blob name after its content was read: a test changes or deletes the blob mid-ingestion.</summary>
    public Dictionary<string, Func<Task>> AfterRead { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra fields per blob name (authors, site, entities...).</summary>
    public Dictionary<string, Func<ExtractedArticle, ExtractedArticle>> Enrich { get; } = new(StringComparer.Ordinal);

    public async Task<ExtractionResult> ExtractAsync(Stream content, string path, long? declaredLength, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        using var reader = new StreamReader(content, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (AfterRead.Remove(path, out var afterRead))
        {
            await afterRead();
        }

        if (text.StartsWith('!'))
        {
            var parts = text[1..].Split(' ', 2);
            return ExtractionResult.Failure(parts[0], parts.Length > 1 ? parts[1] : "failed");
        }

        var lines = text.Split('\n', 2);
        var body = lines.Length > 1 ? lines[1].Trim() : lines[0].Trim();
        var article = new ExtractedArticle
        {
            Path = path,
            Format = ArticleFormats.Text,
            Title = lines[0].Trim(),
            Body = body,
            WordCount = body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))),
        };
        return ExtractionResult.Success(Enrich.TryGetValue(path, out var enrich) ? enrich(article) : article);
    }
}
