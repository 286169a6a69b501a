using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.QueryParsers.Simple;
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
    public static Query? Build(LuceneIndex index, SearchRequest request)
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
        if (request.QueryType == "full")
        {
            var parser = new MultiFieldQueryParser(AnalyzerCatalog.Version, fields.Select(f => f.Name).ToArray(), index.SearchAnalyzer)
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

        var weights = fields.ToDictionary(f => f.Name, _ => 1.0f, StringComparer.Ordinal);
        var simple = new SimpleQueryParser(index.SearchAnalyzer, weights, SimpleFlags)
        {
            DefaultOperator = all ? Occur.MUST : Occur.SHOULD,
        };
        return simple.Parse(request.Search) ?? new BooleanQuery();
    }
}
