using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using ClassicOperator = Lucene.Net.QueryParsers.Classic.Operator;
using SimpleOperator = Lucene.Net.QueryParsers.Simple.Operator;

namespace Archive.SearchEmulator;

/// <summary>Builds the full-text part of a search: simple syntax (default) or full Lucene syntax over the searchable fields.</summary>
internal static class TextQueryBuilder
{
    private const SimpleOperator SimpleFlags = SimpleOperator.AND_OPERATOR | SimpleOperator.NOT_OPERATOR | SimpleOperator.OR_OPERATOR
        | SimpleOperator.PREFIX_OPERATOR | SimpleOperator.PHRASE_OPERATOR | SimpleOperator.PRECEDENCE_OPERATORS
        | SimpleOperator.ESCAPE_OPERATOR | SimpleOperator.WHITESPACE_OPERATOR;

    /// <summary>The searchable fields a query runs on: <paramref name="searchFields"/> or all searchable fields.</summary>
    public static IReadOnlyList<SchemaField> Fields(IndexSchema schema, string? searchFields, string parameter = "searchFields")
    {
        if (string.IsNullOrWhiteSpace(searchFields))
        {
            return schema.Fields.Where(f => f.Searchable).ToList();
        }

        var fields = new List<SchemaField>();
        foreach (var name in searchFields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!schema.FieldsByName.TryGetValue(name, out var field))
            {
                throw SearchApiException.InvalidExpression($"Could not find a property named '{name}' on type 'search.document'.", parameter);
            }

            if (!field.Searchable)
            {
                throw SearchApiException.BadRequest($"The field '{name}' in the search field list is not searchable.");
            }

            fields.Add(field);
        }

        return fields;
    }

    /// <summary>The text query, or null for "match everything" (empty search or <c>*</c>).</summary>
    /// <param name="index">The index searched.</param>
    /// <param name="request">The search.</param>
    /// <param name="synonyms">Finds a synonym map by name (null: no expansion).</param>
    /// <param name="textWeights">The scoring profile's field weights (fields not named weigh 1).</param>
    public static Query? Build(LuceneIndex index, SearchRequest request, Func<string, SynonymMap?>? synonyms = null, IReadOnlyDictionary<string, double>? textWeights = null)
    {
        var fields = Fields(index.Schema, request.SearchFields);
        if (string.IsNullOrWhiteSpace(request.Search) || request.Search.Trim() == "*")
        {
            return null;
        }

        if (fields.Count == 0)
        {
            return new BooleanQuery();
        }

        var all = request.SearchMode == "all";
        var weights = fields.ToDictionary(f => f.Name, f => textWeights is not null && textWeights.TryGetValue(f.Name, out var w) ? (float)w : 1.0f, StringComparer.Ordinal);
        var schema = index.Schema;
        Expansion? Expand(string field, string text) =>
            synonyms is not null && schema.FieldsByName.TryGetValue(field, out var f) && f.SynonymMap is { } map ? synonyms(map)?.Expand(text) : null;
        if (request.QueryType == "full")
        {
            var parser = new AzureFullQueryParser(fields.Select(f => f.Name).ToArray(), index.SearchAnalyzer, weights, Expand)
            {
                DefaultOperator = all ? ClassicOperator.AND : ClassicOperator.OR,
                AllowLeadingWildcard = false,
            };
            try
            {
                return parser.Parse(request.Search);
            }
            catch (ParseException ex)
            {
                throw SearchApiException.BadRequest($"Failed to parse query string at line 1, column 1. See https://aka.ms/azure-search-full-query for supported syntax. {ex.Message}");
            }
        }

        var simple = new AzureSimpleQueryParser(index.SearchAnalyzer, weights, SimpleFlags, Expand)
        {
            DefaultOperator = all ? Occur.MUST : Occur.SHOULD,
        };
        return simple.Parse(request.Search) ?? new BooleanQuery();
    }
}
