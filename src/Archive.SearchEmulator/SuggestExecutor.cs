using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.SearchEmulator;

/// <summary>
/// Suggestions (<c>search.post.suggest</c>): documents whose suggester source fields contain every typed word, the
/// last one as a prefix (infix matching), with <c>@search.text</c> the matching field's text and the typed part
/// wrapped in the highlight tags. With <c>fuzzy</c>, each typed word may be one edit away from the text's word.
/// </summary>
internal static class SuggestExecutor
{
    public static JsonObject Execute(LuceneIndex index, JsonObject body)
    {
        UnsupportedFeatures.CheckSuggest(body);
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

        var fields = SuggestTerms.Fields(suggester, body["searchFields"]?.GetValue<string>());
        var fuzzy = body["fuzzy"]?.GetValue<bool>() ?? false;

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
        var (pre, post) = SuggestTerms.Tags(body);

        using var analyzer = AnalyzerCatalog.Standard();
        var words = SuggestTerms.Tokens(analyzer, search).Select(x => x.Term).ToList();
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

        index.WithSearcher(searcher =>
        {
            // Each typed word matches its own term (the last one as a prefix) or, with fuzzy, the terms one edit away.
            var query = new BooleanQuery();
            var groups = new List<HashSet<string>>();
            for (var i = 0; i < words.Count - 1; i++)
            {
                groups.Add([]);
            }

            foreach (var field in fields)
            {
                var perField = new BooleanQuery();
                var name = Suggester.SuggestField(field);
                for (var i = 0; i < words.Count; i++)
                {
                    var last = i == words.Count - 1;
                    Query clause;
                    if (!fuzzy)
                    {
                        clause = last ? new PrefixQuery(new Term(name, words[i])) : new TermQuery(new Term(name, words[i]));
                        if (!last)
                        {
                            groups[i].Add(words[i]);
                        }
                    }
                    else
                    {
                        var terms = SuggestTerms.Matching(searcher.IndexReader, name, words[i], prefix: last, fuzzy: true);
                        var any = new BooleanQuery(disableCoord: true);
                        foreach (var term in terms)
                        {
                            any.Add(new TermQuery(new Term(name, term)), Occur.SHOULD);
                        }

                        if (!last)
                        {
                            groups[i].UnionWith(terms);
                        }

                        clause = any;
                    }

                    perField.Add(clause, Occur.MUST);
                }

                query.Add(perField, Occur.SHOULD);
            }

            Query final = filter is null ? query : new FilteredQuery(query, new QueryWrapperFilter(filter));
            var hits = sort is null ? searcher.Search(final, top) : searcher.Search(final, null, top, sort, true, false);
            foreach (var hit in hits.ScoreDocs)
            {
                var source = LuceneIndex.ReadSource(searcher, hit.Doc);
                var text = fields.SelectMany(f => SuggestTerms.Texts(source[f]))
                    .Select(x => SuggestTerms.Highlight(analyzer, x, groups, words[^1], fuzzy, pre, post))
                    .FirstOrDefault(x => x is not null);
                var item = new JsonObject { ["@search.text"] = text ?? string.Empty };
                DocumentProjection.CopyInto(item, source, select);
                values.Add(item);
            }

            return 0;
        });
        return response;
    }
}
