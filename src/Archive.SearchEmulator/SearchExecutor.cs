using System.Text.Json.Nodes;
using Lucene.Net.Search;

namespace Archive.SearchEmulator;

/// <summary>
/// Runs a search: text query, filter, sort, paging with Azure's continuation rules, count, facets and highlights.
/// </summary>
internal static class SearchExecutor
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;

    /// <summary>
    /// The body of the next page's request when the caller asked for more than one page holds (no <c>top</c>, or one
    /// over 1,000): Azure then answers <c>@search.nextPageParameters</c>; otherwise null.
    /// </summary>
    internal static JsonObject? NextPageParameters(JsonObject body, SearchRequest request, int pageSize)
    {
        if (request.Top is not null && request.Top <= MaxPageSize)
        {
            return null;
        }

        var next = (JsonObject)body.DeepClone();
        next["skip"] = request.Skip + pageSize;
        if (request.Top is null)
        {
            next.Remove("top");
        }
        else
        {
            next["top"] = request.Top.Value - pageSize;
        }

        return next;
    }

    public static JsonObject Execute(LuceneIndex index, JsonObject body, string nextLink, Func<string, SynonymMap?>? synonyms = null)
    {
        if (VectorSearchExecutor.HasVectorQueries(body))
        {
            return VectorSearchExecutor.Execute(index, body, nextLink);
        }

        var request = SearchRequest.FromBody(body);
        var schema = index.Schema;
        var profile = ScoringProfiles.Resolve(schema, request.ScoringProfile, request.ScoringParameters);
        var textQuery = TextQueryBuilder.Build(index, request, synonyms, profile?.Profile.Weights);
        var filter = string.IsNullOrWhiteSpace(request.Filter) ? null : FilterTranslator.Translate(schema, request.Filter);
        var sort = SortBuilder.Build(schema, request.OrderBy);
        var select = DocumentProjection.Resolve(schema, request.Select);
        var facets = request.Facets.Select(f => FacetSpec.Parse(schema, f)).ToList();
        var highlights = HighlightBuilder.Create(index, request, textQuery);

        Query query = textQuery ?? new MatchAllDocsQuery();
        if (filter is not null)
        {
            query = new FilteredQuery(query, new QueryWrapperFilter(filter));
        }

        if (profile is { } p)
        {
            query = ScoringProfiles.Apply(query, p.Profile, p.Parameters, DateTimeOffset.UtcNow);
        }

        var pageSize = request.Top is null ? DefaultPageSize : Math.Min(request.Top.Value, MaxPageSize);
        return index.WithSearcher(searcher =>
        {
            // One pass collects both the page's top hits and, when facets are asked for, the facet counts.
            var wanted = Math.Max(1, request.Skip + pageSize);
            ITopDocsCollector topCollector = sort is null
                ? TopScoreDocCollector.Create(wanted, docsScoredInOrder: false)
                : TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facetCounts = facets.Count > 0 ? new FacetCalculator(facets) : null;
            searcher.Search(query, facetCounts is null ? topCollector : MultiCollector.Wrap(topCollector, facetCounts));
            var top = topCollector.GetTopDocs();
            var response = new JsonObject();
            if (request.Count)
            {
                response["@odata.count"] = top.TotalHits;
            }

            if (request.MinimumCoverage is not null)
            {
                response["@search.coverage"] = 100.0;
            }

            if (facetCounts is not null)
            {
                response["@search.facets"] = facetCounts.Compute();
            }

            var more = top.TotalHits > request.Skip + pageSize;
            if (more && SearchExecutor.NextPageParameters(body, request, pageSize) is { } next)
            {
                response["@search.nextPageParameters"] = next;
            }

            var values = new JsonArray();
            foreach (var hit in top.ScoreDocs.Skip(request.Skip).Take(pageSize))
            {
                var source = LuceneIndex.ReadSource(searcher, hit.Doc);
                var item = new JsonObject { ["@search.score"] = float.IsNaN(hit.Score) ? 1.0 : (double)hit.Score };
                if (highlights?.For(source) is { } h)
                {
                    item["@search.highlights"] = h;
                }

                DocumentProjection.CopyInto(item, source, select);
                values.Add(item);
            }

            response["value"] = values;
            if (response.ContainsKey("@search.nextPageParameters"))
            {
                response["@odata.nextLink"] = nextLink;
            }

            return response;
        });
    }
}
