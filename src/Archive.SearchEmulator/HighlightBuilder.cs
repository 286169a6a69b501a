using System.Globalization;
using System.Text.Json.Nodes;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Archive.SearchEmulator;

/// <summary>Hit highlights: for each requested searchable field, up to N fragments with every matched term wrapped in the tags.</summary>
internal sealed class HighlightBuilder
{
    private const int FragmentSize = 150;
    private readonly List<(SchemaField Field, int MaxFragments, Highlighter Highlighter)> fields = [];
    private readonly LuceneIndex index;

    private HighlightBuilder(LuceneIndex index) => this.index = index;

    public static HighlightBuilder? Create(LuceneIndex index, SearchRequest request, Query? textQuery)
    {
        if (string.IsNullOrWhiteSpace(request.Highlight))
        {
            return null;
        }

        var builder = new HighlightBuilder(index);
        foreach (var item in request.Highlight.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = item;
            var max = 5;
            var dash = item.LastIndexOf('-');
            if (dash > 0 && int.TryParse(item[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                name = item[..dash];
                max = n;
            }

            if (!index.Schema.FieldsByName.TryGetValue(name, out var field))
            {
                throw SearchApiException.InvalidExpression($"Could not find a property named '{name}' on type 'search.document'.", "highlight");
            }

            if (!field.Searchable)
            {
                throw SearchApiException.BadRequest($"The field '{name}' cannot be highlighted because it is not searchable.");
            }

            if (max is < 1 or > 1000)
            {
                throw SearchApiException.BadRequest($"The highlight count for field '{name}' must be between 1 and 1000.");
            }

            if (textQuery is null)
            {
                continue;
            }

            var scorer = new QueryScorer(textQuery, field.Name);
            var highlighter = new Highlighter(new SimpleHTMLFormatter(request.HighlightPreTag, request.HighlightPostTag), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentSize),
            };
            builder.fields.Add((field, max, highlighter));
        }

        return builder;
    }

    /// <summary>The <c>@search.highlights</c> object for a document, or null when nothing matched.</summary>
    public JsonObject? For(JsonObject source)
    {
        JsonObject? result = null;
        foreach (var (field, max, highlighter) in fields)
        {
            var texts = source[field.Name] switch
            {
                JsonArray array => array.Select(x => x?.GetValue<string>()).OfType<string>().ToList(),
                JsonValue value => [value.GetValue<string>()],
                _ => [],
            };
            var fragments = new List<string>();
            foreach (var text in texts)
            {
                if (fragments.Count >= max)
                {
                    break;
                }

                using var stream = index.SearchAnalyzer.GetTokenStream(field.Name, text);
                fragments.AddRange(highlighter.GetBestFragments(stream, text, max - fragments.Count).Where(f => f.Length > 0));
            }

            if (fragments.Count > 0)
            {
                result ??= [];
                result[field.Name] = new JsonArray(fragments.Select(f => (JsonNode)JsonValue.Create(f)).ToArray());
            }
        }

        return result;
    }
}
