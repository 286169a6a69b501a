namespace Archive.Core.Extraction.Pipeline;

/// <summary>
/// Thrown inside the pipeline for a permanent failure; <see cref="ArticleExtractor"/> turns it into
/// <see cref="ExtractionResult.Failure"/>. It never leaves the extractor; a reader used on its own
/// (<see cref="Html.HtmlArticleReader"/>) throws it for input it cannot read.
/// </summary>
public sealed class ExtractionFailureException : Exception
{
    public ExtractionFailureException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public ExtractionFailureException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    public ExtractionFailureException()
        : this(ExtractionErrorCodes.Malformed, "The input could not be read.")
    {
    }

    public ExtractionFailureException(string message)
        : this(ExtractionErrorCodes.Malformed, message)
    {
    }

    public ExtractionFailureException(string message, Exception innerException)
        : this(ExtractionErrorCodes.Malformed, message, innerException)
    {
    }

    public string Code { get; }
}
