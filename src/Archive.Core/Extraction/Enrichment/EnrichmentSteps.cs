namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// The derived fields that the enricher computes one by one (each may fail alone): language, keywords, entities and
/// summary. <see cref="Default"/> is what the product runs; tests give steps that throw to check that a failure costs
/// only its field.
/// </summary>
internal sealed record EnrichmentSteps(
    Func<ArticleEnricher, string?, string, string?> Language,
    Func<IReadOnlyList<string>, ArticleWords, string?, int, List<string>> Keywords,
    Func<ArticleWords, string?, int, Entities> Entities,
    Func<string?, string, string?> Summary)
{
    public static EnrichmentSteps Default { get; } = new(
        (enricher, title, body) => enricher.DetectLanguage(title, body),
        KeywordExtractor.Extract,
        EntityExtractor.Extract,
        ArticleEnricher.Summarize);
}
