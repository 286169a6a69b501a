using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;

namespace Archive.SearchEmulator;

/// <summary>
/// Lucene's simple query parser with Azure's differences: prefix terms are lower-cased (<c>Obam*</c> finds
/// <c>Obama</c>), and a term or quoted phrase on a field with a synonym map is expanded with the map's alternatives,
/// a multi-word alternative searched as a phrase.
/// </summary>
internal sealed class AzureSimpleQueryParser(Analyzer analyzer, IDictionary<string, float> weights, Lucene.Net.QueryParsers.Simple.Operator flags, Func<string, string, Expansion?> expand)
    : SimpleQueryParser(analyzer, weights, flags)
{
    protected override Query NewDefaultQuery(string text) => Build(text, phrase: false, slop: 0);

    protected override Query NewPhraseQuery(string text, int slop) => Build(text, phrase: true, slop);

    protected override Query NewPrefixQuery(string text) => base.NewPrefixQuery(text.ToLower(CultureInfo.InvariantCulture));

    private Query Build(string text, bool phrase, int slop)
    {
        var all = new BooleanQuery(disableCoord: true);
        foreach (var (field, weight) in m_weights)
        {
            var query = phrase ? CreatePhraseQuery(field, text, slop) : CreateBooleanQuery(field, text, DefaultOperator);
            if (expand(field, text) is { } expansion)
            {
                var any = new BooleanQuery(disableCoord: true);
                if (!expansion.Replace && query is not null)
                {
                    any.Add(query, Occur.SHOULD);
                }

                foreach (var alternative in expansion.Alternatives)
                {
                    var alt = alternative.Contains(' ', StringComparison.Ordinal)
                        ? CreatePhraseQuery(field, alternative, slop)
                        : CreateBooleanQuery(field, alternative, Occur.SHOULD);
                    if (alt is not null)
                    {
                        any.Add(alt, Occur.SHOULD);
                    }
                }

                query = any.Clauses.Count > 0 ? any : null;
            }

            if (query is not null)
            {
                query.Boost = weight;
                all.Add(query, Occur.SHOULD);
            }
        }

        return Simplify(all);
    }
}

/// <summary>Lucene's classic (full syntax) parser over several fields, with per-field weights and synonym expansion.</summary>
internal sealed class AzureFullQueryParser : MultiFieldQueryParser
{
    private readonly string[] fieldNames;
    private readonly IDictionary<string, float> weights;
    private readonly Func<string, string, Expansion?> expand;

    public AzureFullQueryParser(string[] fields, Analyzer analyzer, IDictionary<string, float> weights, Func<string, string, Expansion?> expand)
        : base(AnalyzerCatalog.Version, fields, analyzer, weights)
    {
        fieldNames = fields;
        this.weights = weights;
        this.expand = expand;
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (field is not null)
        {
            return Expanded(field, queryText, quoted);
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var name in fieldNames)
        {
            var query = Expanded(name, queryText, quoted);
            if (query is not null)
            {
                if (weights.TryGetValue(name, out var weight))
                {
                    query.Boost = weight;
                }

                all.Add(query, Occur.SHOULD);
            }
        }

        return all.Clauses.Count == 0 ? null! : all;
    }

    private Query Expanded(string field, string text, bool quoted)
    {
        var query = base.GetFieldQuery(field, text, quoted);
        if (expand(field, text) is not { } expansion)
        {
            return query;
        }

        var any = new BooleanQuery(disableCoord: true);
        if (!expansion.Replace && query is not null)
        {
            any.Add(query, Occur.SHOULD);
        }

        foreach (var alternative in expansion.Alternatives)
        {
            var alt = base.GetFieldQuery(field, alternative, alternative.Contains(' ', StringComparison.Ordinal));
            if (alt is not null)
            {
                any.Add(alt, Occur.SHOULD);
            }
        }

        return any.Clauses.Count > 0 ? any : null!;
    }
}
