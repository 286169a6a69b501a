using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.SearchEmulator;

/// <summary>
/// Runs a search that has <c>vectorQueries</c>: vector-only or hybrid (with <c>search</c> text). Every vector query
/// runs once per field it names and gives its k nearest neighbours; with the text query (its best 1,000 matches, Azure's
/// default <c>maxTextRecallSize</c>) that makes one ranked list per execution. One list keeps its similarity scores;
/// two or more are fused by Reciprocal Rank Fusion. <c>$filter</c> applies to the text query and, as
/// <c>vectorFilterMode</c> says, before or after the nearest neighbours are chosen. Count and facets are over the fused
/// results, <c>top</c>/<c>skip</c> page through them (50 by default), as Azure documents for hybrid queries.
/// </summary>
internal static class VectorSearchExecutor
{
    /// <summary>How many text matches a hybrid query fuses (Azure's default maxTextRecallSize).</summary>
    public const int TextRecallSize = 1000;

    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;

    public static bool HasVectorQueries(JsonObject body) => body["vectorQueries"] is JsonArray { Count: > 0 };

    public static JsonObject Execute(LuceneIndex index, JsonObject body, string nextLink)
    {
        var request = SearchRequest.FromBody(body);
        var schema = index.Schema;
        var vectorQueries = VectorQuery.ParseAll(schema, body);
        var filterMode = VectorQuery.ParseFilterMode(body);
        if (!string.IsNullOrWhiteSpace(request.OrderBy))
        {
            throw SearchApiException.BadRequest("The request is invalid. Details: orderby : The emulator does not implement $orderby together with vectorQueries; results of vector and hybrid queries are ordered by score.", "InvalidRequestParameter");
        }

        var filterQuery = string.IsNullOrWhiteSpace(request.Filter) ? null : FilterTranslator.Translate(schema, request.Filter);
        var filter = filterQuery is null ? null : new QueryWrapperFilter(filterQuery);
        var hasText = !string.IsNullOrEmpty(request.Search);
        var textQuery = hasText ? TextQueryBuilder.Build(index, request) : null;
        var select = DocumentProjection.Resolve(schema, request.Select);
        var facets = request.Facets.Select(f => FacetSpec.Parse(schema, f)).ToList();
        var highlights = hasText ? HighlightBuilder.Create(index, request, textQuery) : null;
        var pageSize = request.Top is null ? DefaultPageSize : Math.Min(request.Top.Value, MaxPageSize);

        return index.WithSearcher(searcher =>
        {
            var lists = new List<(IReadOnlyList<int> Docs, double Weight)>();
            List<VectorStore.ScoredDoc>? single = null;
            if (hasText)
            {
                Query text = textQuery ?? new MatchAllDocsQuery();
                if (filter is not null)
                {
                    text = new FilteredQuery(text, filter);
                }

                var top = searcher.Search(text, TextRecallSize);
                lists.Add((top.ScoreDocs.Select(d => d.Doc).ToList(), 1.0));
            }

            foreach (var query in vectorQueries)
            {
                foreach (var field in query.Fields)
                {
                    List<VectorStore.ScoredDoc> nearest;
                    if (filter is null || filterMode == VectorFilterMode.PreFilter)
                    {
                        nearest = VectorStore.Nearest(searcher, field, query.Vector, query.K, filter);
                    }
                    else
                    {
                        nearest = VectorStore.Nearest(searcher, field, query.Vector, query.K, null);
                        var kept = Matching(searcher, filter, nearest.Select(n => n.Doc));
                        nearest = nearest.Where(n => kept.Contains(n.Doc)).ToList();
                    }

                    single = nearest;
                    lists.Add((nearest.Select(n => n.Doc).ToList(), query.Weight));
                }
            }

            var fused = lists.Count == 1 && single is not null ? single : HybridFusion.Fuse(lists);
            var response = new JsonObject();
            if (request.Count)
            {
                response["@odata.count"] = fused.Count;
            }

            if (request.MinimumCoverage is not null)
            {
                response["@search.coverage"] = 100.0;
            }

            if (facets.Count > 0)
            {
                var counts = new FacetCalculator(facets);
                searcher.Search(new ConstantScoreQuery(new DocSetFilter(fused.Select(f => f.Doc))), counts);
                response["@search.facets"] = counts.Compute();
            }

            var more = fused.Count > request.Skip + pageSize;
            if (more && SearchExecutor.NextPageParameters(body, request, pageSize) is { } next)
            {
                response["@search.nextPageParameters"] = next;
            }

            var values = new JsonArray();
            foreach (var hit in fused.Skip(request.Skip).Take(pageSize))
            {
                var source = LuceneIndex.ReadSource(searcher, hit.Doc);
                var item = new JsonObject { ["@search.score"] = (double)hit.Score };
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

    /// <summary>Which of <paramref name="docs"/> the filter accepts.</summary>
    private static HashSet<int> Matching(IndexSearcher searcher, Filter filter, IEnumerable<int> docs)
    {
        var kept = new HashSet<int>();
        var sorted = docs.Order().ToList();
        var leaves = searcher.IndexReader.Leaves;
        var position = 0;
        foreach (var leaf in leaves)
        {
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            if (position >= sorted.Count || sorted[position] >= end)
            {
                continue;
            }

            var iterator = filter.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)?.GetIterator();
            var current = -1;
            for (; position < sorted.Count && sorted[position] < end; position++)
            {
                var local = sorted[position] - leaf.DocBase;
                if (iterator is null)
                {
                    continue;
                }

                if (current < local)
                {
                    current = iterator.Advance(local);
                }

                if (current == local)
                {
                    kept.Add(sorted[position]);
                }
            }
        }

        return kept;
    }

    /// <summary>A filter accepting exactly the given top-level document numbers (to count facets over fused results).</summary>
    private sealed class DocSetFilter(IEnumerable<int> docs) : Filter
    {
        private readonly int[] sorted = [.. docs.Order()];

        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
        {
            var maxDoc = context.AtomicReader.MaxDoc;
            var bits = new FixedBitSet(maxDoc);
            var start = Array.BinarySearch(sorted, context.DocBase);
            for (var i = start < 0 ? ~start : start; i < sorted.Length && sorted[i] < context.DocBase + maxDoc; i++)
            {
                bits.Set(sorted[i] - context.DocBase);
            }

            return bits;
        }
    }
}
