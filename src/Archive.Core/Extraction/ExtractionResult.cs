using System.Diagnostics.CodeAnalysis;

namespace Archive.Core.Extraction;

/// <summary>Either an extracted article or a permanent error; never both.</summary>
public sealed record ExtractionResult
{
    private ExtractionResult(ExtractedArticle? article, ExtractionError? error)
    {
        Article = article;
        Error = error;
    }

    public ExtractedArticle? Article { get; }

    public ExtractionError? Error { get; }

    [MemberNotNullWhen(true, nameof(Article))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Article is not null;

    public static ExtractionResult Success(ExtractedArticle article) => new(article ?? throw new ArgumentNullException(nameof(article)), null);

    public static ExtractionResult Failure(string code, string message) => new(null, new ExtractionError(code, message));
}
