using Azure.Search.Documents.Models;

namespace Archive.Core.Search;

/// <summary>
/// What one request to Azure AI Search may carry, and how much of a body the index holds. Service limits
/// (learn.microsoft.com/azure/search/search-limits-quotas-capacity, "Document limits"): an indexing request's payload,
/// one document or a batch, is at most 16 MB, and at most 1,000 documents.
/// </summary>
public static class SearchLimits
{
    /// <summary>The service's payload limit of one indexing request (16 MB; counted here as 16,000,000 bytes).</summary>
    public const long MaxRequestBytes = 16_000_000;

    /// <summary>
    /// The largest serialized document this app sends: the request limit less 1 MB for the batch envelope, so that
    /// one document always fits in a request of its own.
    /// </summary>
    public const long MaxDocumentBytes = 15_000_000;

    /// <summary>The most documents in one indexing request.</summary>
    public const int MaxBatchDocuments = 1000;

    /// <summary>
    /// The most characters of a body that are indexed (1,000,000). Longer bodies are cut (at a word boundary near the
    /// limit) and the document says <c>bodyTruncated: true</c>; the original blob keeps the full text. Even with every
    /// character written as a six-byte JSON escape the body then takes at most 6 MB of the document's 15.
    /// </summary>
    public const int MaxIndexedBodyChars = 1_000_000;

    /// <summary>The size of <paramref name="document"/> as the app's serializer writes it, in bytes.</summary>
    public static long SerializedBytes(ArticleDocument document) => ArticleIndex.Serializer.Serialize(document).ToMemory().Length;

    /// <summary>
    /// Splits <paramref name="actions"/> into batches that each stay under <see cref="MaxRequestBytes"/> and
    /// <see cref="MaxBatchDocuments"/>. A document over <see cref="MaxDocumentBytes"/> throws
    /// <see cref="DocumentTooLargeException"/> before anything is sent.
    /// </summary>
    public static IReadOnlyList<IndexDocumentsBatch<ArticleDocument>> Batches(IEnumerable<IndexDocumentsAction<ArticleDocument>> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var batches = new List<IndexDocumentsBatch<ArticleDocument>>();
        var current = new IndexDocumentsBatch<ArticleDocument>();
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = SerializedBytes(action.Document) + 32;
            if (size > MaxDocumentBytes)
            {
                throw new DocumentTooLargeException(action.Document.Id, size);
            }

            if (current.Actions.Count > 0 && (bytes + size > MaxDocumentBytes || current.Actions.Count == MaxBatchDocuments))
            {
                batches.Add(current);
                current = new IndexDocumentsBatch<ArticleDocument>();
                bytes = 0;
            }

            current.Actions.Add(action);
            bytes += size;
        }

        if (current.Actions.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    /// <summary>
    /// <paramref name="body"/> cut to <see cref="MaxIndexedBodyChars"/>: at the last whitespace of the final 1,000
    /// characters when there is one, never inside a surrogate pair. Returns the body itself when it fits.
    /// </summary>
    public static string CutBody(string body, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(body);
        truncated = body.Length > MaxIndexedBodyChars;
        if (!truncated)
        {
            return body;
        }

        var end = MaxIndexedBodyChars;
        var space = body.LastIndexOfAny([' ', '\n', '\t', '\r'], end, 1000);
        if (space > 0)
        {
            end = space;
        }
        else if (char.IsHighSurrogate(body[end - 1]))
        {
            end--;
        }

        return body[..end].TrimEnd();
    }
}

/// <summary>A document whose serialized form is over <see cref="SearchLimits.MaxDocumentBytes"/>: it can never be indexed.</summary>
public sealed class DocumentTooLargeException : Exception
{
    public DocumentTooLargeException()
    {
    }

    public DocumentTooLargeException(string message)
        : base(message)
    {
    }

    public DocumentTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocumentTooLargeException(string documentId, long bytes)
        : base(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Document '{documentId}' takes {bytes:N0} bytes; Azure AI Search accepts at most {SearchLimits.MaxRequestBytes:N0} per request (this app sends at most {SearchLimits.MaxDocumentBytes:N0} per document)."))
    {
        DocumentId = documentId;
        Bytes = bytes;
    }

    /// <summary>The document's key.</summary>
    public string? DocumentId { get; }

    /// <summary>Its serialized size.</summary>
    public long Bytes { get; }
}
