using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>
/// The per-document outcomes of an indexing batch that Azure reports inside a 207 while the other documents are
/// indexed: a document Azure cannot index (400: a term over 32,766 UTF-8 bytes in a filterable, sortable or
/// facetable string field), a merge of a missing document (404, from <see cref="LuceneIndex.ApplyAsync"/>), and
/// injected per-item faults (<c>--fault-item-rate</c>: 409, 422 or 503, the transient item statuses).
/// </summary>
internal static class ItemOutcomes
{
    /// <summary>Lucene's and Azure's largest term ("The max length for UTF-8 encoded terms is 32766 bytes").</summary>
    public const int MaxTermBytes = 32766;

    public static async Task<IReadOnlyList<IndexingResult>> ApplyAsync(LuceneIndex index, IReadOnlyList<IndexAction> actions, int?[] faults, CancellationToken cancellationToken)
    {
        var results = new IndexingResult[actions.Count];
        var toApply = new List<IndexAction>(actions.Count);
        var positions = new List<int>(actions.Count);
        var schema = index.Schema;
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            if (faults[i] is { } status)
            {
                results[i] = new IndexingResult(action.Key, false, InjectedMessage(status), status);
            }
            else if (action.Kind != IndexActionKind.Delete && TermTooLarge(schema, action.Document) is { } message)
            {
                results[i] = new IndexingResult(action.Key, false, message, 400);
            }
            else
            {
                toApply.Add(action);
                positions.Add(i);
            }
        }

        if (toApply.Count > 0)
        {
            var applied = await index.ApplyAsync(toApply, cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < applied.Count; j++)
            {
                results[positions[j]] = applied[j];
            }
        }

        return results;
    }

    /// <summary>Azure's message when a whole-value term (filter, sort, facet) of a string field is too large, else null.</summary>
    public static string? TermTooLarge(IndexSchema schema, JsonObject document)
    {
        foreach (var (name, value) in document)
        {
            if (value is null || !schema.FieldsByName.TryGetValue(name, out var field) || field.Kind != FieldKind.String
                || !(field.Filterable || field.Sortable || field.Facetable))
            {
                continue;
            }

            IEnumerable<JsonNode?> items = value is JsonArray array ? array : new[] { value };
            foreach (var item in items)
            {
                if (item is JsonValue v && v.TryGetValue<string>(out var text) && Encoding.UTF8.GetByteCount(text) > MaxTermBytes)
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"Field '{name}' contains a term that is too large to process. The max length for UTF-8 encoded terms is {MaxTermBytes} bytes. The most likely cause of this error is that filtering, sorting, and/or faceting are enabled on this field, which causes the entire field value to be indexed as a single term. Please avoid the use of these options for large fields.");
                }
            }
        }

        return null;
    }

    private static string InjectedMessage(int status) => status switch
    {
        409 => "Injected fault (409) by the emulator's fault injection: a version conflict was detected when indexing this document; retry it.",
        422 => "Injected fault (422) by the emulator's fault injection: the index is temporarily unavailable; retry this document.",
        _ => string.Create(CultureInfo.InvariantCulture, $"Injected fault ({status}) by the emulator's fault injection: the service is too busy to index this document; retry it."),
    };
}
