using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.SearchEmulator;

/// <summary>
/// Suggestions (<c>search.post.suggest</c>): documents whose suggester source fields contain every typed word, the
/// last one as a prefix (infix matching), with <c>@search.text</c> the matching field's text and the typed part
/// wrapped in the highlight tags.
/// </summary>
internal static class SuggestExecutor
{
    public static JsonObject Execute(LuceneIndex index, JsonObject body)
    {
        var schema = index.Schema;
        var search = body["search"]?.GetValue<string>() ?? string.Empty;
        if (search.Length is < 1 or > 100)
        {
            throw SearchApiException.BadRequest("The request is invalid. Details: search : The search text of a suggest request must be between 1 and 100 characters long.");
        }

        var suggesterName = body["suggesterName"]?.GetValue<string>();
        if (suggesterName is null || !schema.Suggesters.TryGetValue(suggesterName, out var suggester))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: The specified suggester name '{suggesterName}' does not exist in this index definition.");
        }

        var top = body["top"] is JsonValue t ? t.GetValue<int>() : 5;
        if (top is < 1 or > 100)
        {
            throw new SearchApiException(400, "ParameterValueOutOfRange", "Value must be between 1 and 100.\r\nParameter name: $top");
        }

        var fields = suggester.SourceFields.ToList();
        if (body["searchFields"]?.GetValue<string>() is { Length: > 0 } searchFields)
        {
            fields = searchFields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (fields.Any(f => !suggester.SourceFields.Contains(f)))
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: searchFields : Every search field must be a source field of suggester '{suggesterName}'.");
            }
        }

        var select = body["select"]?.GetValue<string>() is { Length: > 0 } selectText
            ? DocumentProjection.Resolve(schema, selectText)
            : [schema.Key];
        var filterText = body["filter"]?.GetValue<string>();
        if (filterText is not null && filterText.Contains("search.ismatch", StringComparison.Ordinal))
        {
            throw SearchApiException.InvalidExpression("search.ismatch and search.ismatchscoring are not allowed in suggest filters.", "$filter");
        }

        var filter = string.IsNullOrWhiteSpace(filterText) ? null : FilterTranslator.Translate(schema, filterText);
        var sort = SortBuilder.Build(schema, body["orderby"]?.GetValue<string>());
        var pre = body["highlightPreTag"]?.GetValue<string>() ?? string.Empty;
        var post = body["highlightPostTag"]?.GetValue<string>() ?? string.Empty;

        using var analyzer = AnalyzerCatalog.Standard();
        var words = Tokens(analyzer, search).Select(x => x.Term).ToList();
        var response = new JsonObject();
        var values = new JsonArray();
        if (body["minimumCoverage"] is not null)
        {
            response["@search.coverage"] = 100.0;
        }

        response["value"] = values;
        if (words.Count == 0)
        {
            return response;
        }

        var query = new BooleanQuery();
        foreach (var field in fields)
        {
            var perField = new BooleanQuery();
            var name = Suggester.SuggestField(field);
            for (var i = 0; i < words.Count; i++)
            {
                perField.Add(i == words.Count - 1 ? new PrefixQuery(new Term(name, words[i])) : new TermQuery(new Term(name, words[i])), Occur.MUST);
            }

            query.Add(perField, Occur.SHOULD);
        }

        Query final = filter is null ? query : new FilteredQuery(query, new QueryWrapperFilter(filter));
        index.WithSearcher(searcher =>
        {
            var hits = sort is null ? searcher.Search(final, top) : searcher.Search(final, null, top, sort, true, false);
            foreach (var hit in hits.ScoreDocs)
            {
                var source = LuceneIndex.ReadSource(searcher, hit.Doc);
                var text = fields.SelectMany(f => Texts(source[f])).Select(x => Highlight(analyzer, x, words, pre, post)).FirstOrDefault(x => x is not null);
                var item = new JsonObject { ["@search.text"] = text ?? string.Empty };
                DocumentProjection.CopyInto(item, source, select);
                values.Add(item);
            }

            return 0;
        });
        return response;
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(x => x?.GetValue<string>()).OfType<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    /// <summary>The text with the typed words wrapped, or null when the text does not match them.</summary>
    private static string? Highlight(Analyzer analyzer, string text, List<string> words, string pre, string post)
    {
        var tokens = Tokens(analyzer, text);
        var complete = words.Take(words.Count - 1).ToHashSet(StringComparer.Ordinal);
        var prefix = words[^1];
        if (!complete.All(w => tokens.Any(t => t.Term == w)) || !tokens.Any(t => t.Term.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return null;
        }

        var builder = new StringBuilder();
        var position = 0;
        foreach (var (term, start, end) in tokens)
        {
            var length = complete.Contains(term) ? end - start : term.StartsWith(prefix, StringComparison.Ordinal) ? Math.Min(prefix.Length, end - start) : 0;
            if (length == 0)
            {
                continue;
            }

            builder.Append(text, position, start - position).Append(pre).Append(text, start, length).Append(post);
            position = start + length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private static List<(string Term, int Start, int End)> Tokens(Analyzer analyzer, string text)
    {
        var result = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream("suggest", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return result;
    }
}
