namespace Archive.Core.Api;

/// <summary>The <c>format</c> values of <c>GET /api/export</c>.</summary>
public enum ExportFormats
{
    /// <summary>RFC 4180 CSV with a header line.</summary>
    Csv,

    /// <summary>One JSON object per line.</summary>
    Jsonl,
}
