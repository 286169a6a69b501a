using Archive.Core.Extraction;
using Archive.Core.Search;

namespace Archive.Core.Ingestion;

/// <summary>Maps an extracted article and its blob to the search document.</summary>
public static class ArticleDocuments
{
    /// <summary>Builds the document for <paramref name="article"/> read from <paramref name="blob"/>.</summary>
    public static ArticleDocument Create(ExtractedArticle article, BlobVersion blob, string? duplicateOf, DateTimeOffset ingestedAt)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(blob);
        var body = SearchLimits.CutBody(article.Body, out var truncated);
        return new ArticleDocument
        {
            Id = DocumentKey.For(blob.Container, blob.Path),
            BlobContainer = blob.Container,
            BlobPath = blob.Path,
            BlobETag = blob.ETag,
            BlobContentType = blob.ContentType,
            BlobSize = blob.Size,
            BlobLastModified = blob.LastModified,
            IngestedAt = ingestedAt,
            DuplicateOf = duplicateOf,
            ContentHash = article.ContentHash,
            Format = article.Format,
            Title = article.Title,
            TitleSource = article.TitleSource,
            PublishedAt = article.PublishedAt,
            PublishedAtPrecision = article.PublishedAtPrecision,
            Authors = [.. article.Authors],
            SiteName = article.SiteName,
            Url = article.Url,
            Language = article.Language,
            Summary = article.Summary,
            Body = body,
            BodyTruncated = truncated,
            WordCount = article.WordCount,
            Keywords = [.. article.Keywords],
            People = [.. article.People],
            Places = [.. article.Places],
            Organizations = [.. article.Organizations],
            Warnings = [.. article.Warnings],
        };
    }
}
