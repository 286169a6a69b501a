namespace Archive.Core.Extraction;

/// <summary>
/// Reads one article file of any supported format. Implementations detect the format by content as well as by the
/// name's extension, enforce the size cap before reading the whole stream, and never throw for bad input: they
/// return <see cref="ExtractionResult.Failure"/> with a code from <see cref="ExtractionErrorCodes"/>.
/// </summary>
public interface IArticleExtractor
{
    /// <param name="content">The file's bytes (read once; need not be seekable).</param>
    /// <param name="path">The file or blob name, used for the extension hint and reported as <see cref="ExtractedArticle.Path"/>.</param>
    /// <param name="declaredLength">The length when known (a blob's size), so the cap can be checked before reading.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ExtractionResult> ExtractAsync(Stream content, string path, long? declaredLength, CancellationToken cancellationToken);
}
