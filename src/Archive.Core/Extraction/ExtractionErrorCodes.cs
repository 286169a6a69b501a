namespace Archive.Core.Extraction;

/// <summary>Permanent extraction failures: no retry helps; the ingestor writes a rejection report.</summary>
public static class ExtractionErrorCodes
{
    public const string UnsupportedFormat = "unsupported_format";
    public const string Empty = "empty";
    public const string TooLarge = "too_large";
    public const string Malformed = "malformed";
}
