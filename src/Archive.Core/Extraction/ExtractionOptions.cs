namespace Archive.Core.Extraction;

/// <summary>
/// Limits and knobs of <see cref="ArticleExtractor"/>. The defaults suit both the CLI and a Functions worker; every
/// limit is checked before the work it bounds (the size cap before the whole stream is read).
/// </summary>
public sealed class ExtractionOptions
{
    /// <summary>50 MiB.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>The largest input accepted, in bytes. Larger inputs fail with <c>too_large</c> before they are read whole.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// The longest text line kept as one paragraph, in characters. Longer lines (minified or line-less exports) are
    /// wrapped at the nearest whitespace, with a warning, so that every later step works on bounded paragraphs.
    /// </summary>
    public int MaxLineLength { get; set; } = 100_000;

    /// <summary>
    /// How much of the body (in characters) the enrichment steps (entities, keywords) read. The body itself is never
    /// cut; a warning says when the analysis saw only a prefix.
    /// </summary>
    public int MaxAnalyzedChars { get; set; } = 200_000;

    /// <summary>How many characters of the text language detection reads.</summary>
    public int LanguageSampleChars { get; set; } = 2_000;

    /// <summary>
    /// The largest total uncompressed size of a DOCX package (the sizes its zip directory declares, and the bytes
    /// actually inflated), in bytes. Zero means "the same as <see cref="MaxBytes"/>".
    /// </summary>
    public long MaxUncompressedBytes { get; set; }

    /// <summary>The most entries a DOCX zip may hold.</summary>
    public int MaxZipEntries { get; set; } = 10_000;

    /// <summary>The most PDF pages whose text is read; later pages are skipped with a warning.</summary>
    public int MaxPdfPages { get; set; } = 1_000;

    /// <summary>
    /// The deepest element nesting an HTML input may have (estimated by a linear scan before parsing). Deeper inputs
    /// fail with <c>malformed</c> instead of risking a stack overflow in a recursive tree walk.
    /// </summary>
    public int MaxHtmlDepth { get; set; } = 1_000;

    /// <summary>The most keywords reported (declared ones first, then salient terms).</summary>
    public int MaxKeywords { get; set; } = 15;

    /// <summary>The most names reported in each of people, places and organizations.</summary>
    public int MaxEntitiesPerKind { get; set; } = 30;

    /// <summary>The uncompressed cap that applies (see <see cref="MaxUncompressedBytes"/>).</summary>
    internal long EffectiveMaxUncompressedBytes => MaxUncompressedBytes > 0 ? MaxUncompressedBytes : MaxBytes;

    /// <summary>Throws when a limit is out of range, naming it.</summary>
    public void Validate()
    {
        if (MaxBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, "MaxBytes must be positive.");
        }

        if (MaxBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, $"MaxBytes must be at most {Array.MaxLength}.");
        }

        Positive(MaxLineLength, nameof(MaxLineLength));
        Positive(MaxAnalyzedChars, nameof(MaxAnalyzedChars));
        Positive(LanguageSampleChars, nameof(LanguageSampleChars));
        Positive(MaxZipEntries, nameof(MaxZipEntries));
        Positive(MaxPdfPages, nameof(MaxPdfPages));
        Positive(MaxHtmlDepth, nameof(MaxHtmlDepth));
        Positive(MaxKeywords, nameof(MaxKeywords));
        Positive(MaxEntitiesPerKind, nameof(MaxEntitiesPerKind));
        if (MaxUncompressedBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxUncompressedBytes), MaxUncompressedBytes, "MaxUncompressedBytes must not be negative.");
        }
    }

    /// <summary>A copy, so that a caller changing its options later does not change a running extractor.</summary>
    internal ExtractionOptions Clone() => (ExtractionOptions)MemberwiseClone();

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }
}
