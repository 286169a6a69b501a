using System.Collections.Frozen;
using System.Globalization;
using Archive.Core.Extraction.Enrichment;
using Archive.Core.Extraction.Html;
using Archive.Core.Extraction.Pipeline;

namespace Archive.Core.Extraction;

/// <summary>
/// The extraction pipeline: bounded read (the size cap is checked before the stream is read whole) → format
/// detection by content, then by name → the format's reader → enrichment (derived title, language, entities,
/// keywords, word count, content hash). Bad input never throws: it comes back as
/// <see cref="ExtractionResult.Failure"/> with a code from <see cref="ExtractionErrorCodes"/>. Errors of the stream
/// itself (I/O, cancellation) do propagate, since a retry may help them.
/// </summary>
/// <remarks>
/// Thread-safe and meant to be a singleton: it holds no per-call state, and the expensive parts (the language
/// detector's models, compiled patterns) are built once per process and shared.
/// </remarks>
public sealed class ArticleExtractor : IArticleExtractor
{
    private static readonly Lazy<LanguageIdentifier> SharedLanguages = new(() => new LanguageIdentifier(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ExtractionOptions options;
    private readonly ArticleEnricher enricher;
    private readonly FrozenDictionary<string, IArticleReader> readers;

    /// <summary>Creates an extractor; <paramref name="options"/> are validated and copied.</summary>
    public ArticleExtractor(ExtractionOptions? options = null)
        : this(options, null, null)
    {
    }

    /// <summary>Creates an extractor with other derived-field steps or HTML reader (for tests).</summary>
    internal ArticleExtractor(ExtractionOptions? options, EnrichmentSteps? steps, HtmlArticleReader? htmlReader)
    {
        readers = ArticleReaders.Create(htmlReader ?? new HtmlArticleReader());
        var copy = (options ?? new ExtractionOptions()).Clone();
        copy.Validate();
        this.options = copy;
        enricher = new ArticleEnricher(copy, SharedLanguages.Value, steps);
    }

    /// <summary>The options in force (a copy of those given).</summary>
    public ExtractionOptions Options => options.Clone();

    /// <inheritdoc />
    public async Task<ExtractionResult> ExtractAsync(Stream content, string path, long? declaredLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        path ??= string.Empty;
        byte[] bytes;
        try
        {
            bytes = await BoundedInput.ReadAsync(content, declaredLength, options.MaxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (ExtractionFailureException ex)
        {
            return ExtractionResult.Failure(ex.Code, ex.Message);
        }

        return Extract(bytes, path, cancellationToken);
    }

    /// <summary>Extracts from bytes already in memory (they still must respect the size cap).</summary>
    public ExtractionResult Extract(byte[] content, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        path ??= string.Empty;
        if (content.LongLength > options.MaxBytes)
        {
            return ExtractionResult.Failure(
                ExtractionErrorCodes.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The input is {content.LongLength:N0} bytes; the limit is {options.MaxBytes:N0} bytes."));
        }

        try
        {
            return ExtractionResult.Success(Run(content, path, cancellationToken));
        }
        catch (ExtractionFailureException ex)
        {
            return ExtractionResult.Failure(ex.Code, ex.Message);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
        {
            // A reader met input it could not make sense of in a way no check anticipated.
            return ExtractionResult.Failure(ExtractionErrorCodes.Malformed, $"The content could not be read ({ex.GetType().Name}: {ex.Message}).");
        }
    }

    private ExtractedArticle Run(byte[] bytes, string path, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var detected = FormatDetector.Detect(bytes, path, options, warnings);
        cancellationToken.ThrowIfCancellationRequested();
        var reader = readers.GetValueOrDefault(detected.Format) ?? readers[ArticleFormats.Text];
        var (raw, format) = reader.Read(new ReaderInput(bytes, detected.Text, path, options, warnings, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        return enricher.Enrich(raw, path, format, warnings);
    }
}
