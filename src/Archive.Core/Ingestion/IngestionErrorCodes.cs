namespace Archive.Core.Ingestion;

/// <summary>Permanent failures found after extraction (beside <see cref="Extraction.ExtractionErrorCodes"/>): a rejection report, no retry.</summary>
public static class IngestionErrorCodes
{
    /// <summary>
    /// The document is over what one Azure AI Search request may carry (the service answered 413, or the app measured
    /// it before sending): no retry can index it.
    /// </summary>
    public const string TooLargeToIndex = "too_large_to_index";
}
