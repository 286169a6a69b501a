using Lucene.Net.Analysis;

namespace Archive.SearchEmulator;

/// <summary>Chooses the analyzer per Lucene field from the current schema (index or search side).</summary>
internal sealed class IndexAnalyzer(Func<IndexSchema> schema, bool searchSide) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    private readonly Dictionary<string, Analyzer> cache = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    protected override Analyzer GetWrappedAnalyzer(string fieldName)
    {
        string? name = null;
        if (schema().FieldsByName.TryGetValue(fieldName, out var field))
        {
            name = searchSide ? field.SearchAnalyzer : field.IndexAnalyzer;
        }

        name ??= "standard.lucene";
        lock (gate)
        {
            if (!cache.TryGetValue(name, out var analyzer))
            {
                analyzer = AnalyzerCatalog.Create(name);
                cache[name] = analyzer;
            }

            return analyzer;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (gate)
            {
                foreach (var analyzer in cache.Values)
                {
                    analyzer.Dispose();
                }

                cache.Clear();
            }
        }

        base.Dispose(disposing);
    }
}
