using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;
using AISearchOptions = Azure.Search.Documents.SearchOptions;

namespace Archive.Core.Search;

/// <summary>
/// The document-level operations ingestion, removal and reconcile need on the articles index: read a document's
/// state, find the original of a content hash, upsert, and delete while keeping duplicates pointing at a live original.
/// </summary>
public sealed class ArticleStore(SearchClient client)
{
    private const int PageSize = 1000;

    private static readonly string[] StateFields = ["id", "blobContainer", "blobPath", "blobETag", "contentHash", "duplicateOf"];

    /// <summary>The search client of the articles index.</summary>
    public SearchClient Client => client;

    /// <summary>The indexed state of <paramref name="id"/>, or null when there is no such document.</summary>
    public async Task<IndexedArticleState?> GetStateAsync(string id, CancellationToken cancellationToken)
    {
        var options = new GetDocumentOptions();
        foreach (var field in StateFields)
        {
            options.SelectedFields.Add(field);
        }

        try
        {
            var response = await client.GetDocumentAsync<ArticleDocument>(id, options, cancellationToken).ConfigureAwait(false);
            return ToState(response.Value);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The id of the earliest indexed original with <paramref name="contentHash"/>, other than <paramref name="excludeId"/>.</summary>
    public async Task<string?> FindOriginalAsync(string contentHash, string excludeId, CancellationToken cancellationToken)
    {
        var options = new AISearchOptions
        {
            Filter = SearchFilter.Create($"contentHash eq {contentHash} and id ne {excludeId}"),
            Size = 50,
            OrderBy = { "ingestedAt asc" },
            Select = { "id", "duplicateOf" },
        };
        var response = await client.SearchAsync<ArticleDocument>("*", options, cancellationToken).ConfigureAwait(false);
        string? fallback = null;
        await foreach (var page in response.Value.GetResultsAsync().AsPages(pageSizeHint: 50).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var result in page.Values)
            {
                if (result.Document.DuplicateOf is null)
                {
                    return result.Document.Id;
                }

                // A copy whose original is gone still names a live original... or names us; never point at ourselves.
                if (fallback is null && result.Document.DuplicateOf != excludeId)
                {
                    fallback = result.Document.DuplicateOf;
                }
            }

            break;
        }

        return fallback;
    }

    /// <summary>
    /// Merges or uploads the documents, in as many requests as the service's size limit needs; any failed item throws,
    /// a document too large for any request throws <see cref="DocumentTooLargeException"/> before anything is sent.
    /// </summary>
    public Task UpsertAsync(IEnumerable<ArticleDocument> documents, CancellationToken cancellationToken) =>
        IndexAsync(documents.Select(IndexDocumentsAction.MergeOrUpload), cancellationToken);

    /// <summary>Sends <paramref name="actions"/> in batches within <see cref="SearchLimits"/>; any failed item throws.</summary>
    public async Task IndexAsync(IEnumerable<IndexDocumentsAction<ArticleDocument>> actions, CancellationToken cancellationToken)
    {
        foreach (var batch in SearchLimits.Batches(actions))
        {
            await client.IndexDocumentsAsync(batch, new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes <paramref name="id"/>. Copies that named it in <c>duplicateOf</c> are re-pointed first: the earliest
    /// becomes the original, the others its duplicates, so search never hides every copy of an article.
    /// </summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await PromoteDuplicatesOfAsync(id, cancellationToken).ConfigureAwait(false);
        var batch = IndexDocumentsBatch.Delete("id", [id]);
        await client.IndexDocumentsAsync(batch, new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-points the copies that name <paramref name="id"/> as their original (see <see cref="DeleteAsync"/>).</summary>
    public async Task PromoteDuplicatesOfAsync(string id, CancellationToken cancellationToken)
    {
        var options = new AISearchOptions
        {
            Filter = SearchFilter.Create($"duplicateOf eq {id}"),
            Size = PageSize,
            OrderBy = { "ingestedAt asc", "id asc" },
            Select = { "id" },
        };
        var response = await client.SearchAsync<ArticleDocument>("*", options, cancellationToken).ConfigureAwait(false);
        var copies = new List<string>();
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            copies.Add(result.Document.Id);
        }

        if (copies.Count == 0)
        {
            return;
        }

        var original = copies[0];
        var updates = copies.Select(copy => new SearchDocument
        {
            ["id"] = copy,
            ["duplicateOf"] = copy == original ? null : original,
        });
        await client.IndexDocumentsAsync(
            IndexDocumentsBatch.Merge(updates), new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The states of those of <paramref name="ids"/> that are indexed, by id (looked up 100 keys per search).</summary>
    public async Task<IReadOnlyDictionary<string, IndexedArticleState>> GetStatesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, IndexedArticleState>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(100))
        {
            // Keys hold only letters, digits, '-', '_' and '=': a comma never occurs in one.
            var options = new AISearchOptions { Filter = $"search.in(id, '{string.Join(',', chunk)}', ',')", Size = chunk.Length };
            foreach (var field in StateFields)
            {
                options.Select.Add(field);
            }

            var response = await client.SearchAsync<ArticleDocument>("*", options, cancellationToken).ConfigureAwait(false);
            await foreach (var page in response.Value.GetResultsAsync().AsPages(pageSizeHint: chunk.Length).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                foreach (var result in page.Values)
                {
                    found[result.Document.Id] = ToState(result.Document);
                }

                break;
            }
        }

        return found;
    }

    /// <summary>Up to <paramref name="size"/> document states after <paramref name="afterId"/> in key order (one keyset page).</summary>
    public async Task<IReadOnlyList<IndexedArticleState>> ListPageAsync(string? afterId, int size, CancellationToken cancellationToken)
    {
        var options = new AISearchOptions
        {
            Filter = afterId is null ? null : SearchFilter.Create($"id gt {afterId}"),
            Size = size,
            OrderBy = { "id asc" },
        };
        foreach (var field in StateFields)
        {
            options.Select.Add(field);
        }

        var states = new List<IndexedArticleState>(size);
        var response = await client.SearchAsync<ArticleDocument>("*", options, cancellationToken).ConfigureAwait(false);
        await foreach (var page in response.Value.GetResultsAsync().AsPages(pageSizeHint: size).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            states.AddRange(page.Values.Select(r => ToState(r.Document)));
            break;
        }

        return states;
    }

    /// <summary>Deletes <paramref name="ids"/> in batches, re-pointing the copies of each first (see <see cref="DeleteAsync"/>).</summary>
    public async Task DeleteManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            await PromoteDuplicatesOfAsync(id, cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in ids.Chunk(SearchLimits.MaxBatchDocuments))
        {
            await client.IndexDocumentsAsync(IndexDocumentsBatch.Delete("id", chunk), new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every document's state, in key order (keyset paging, so it is not bound by the service's skip limit).</summary>
    public async IAsyncEnumerable<IndexedArticleState> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var options = new AISearchOptions
            {
                Filter = after is null ? null : SearchFilter.Create($"id gt {after}"),
                Size = PageSize,
                OrderBy = { "id asc" },
            };
            foreach (var field in StateFields)
            {
                options.Select.Add(field);
            }

            var response = await client.SearchAsync<ArticleDocument>("*", options, cancellationToken).ConfigureAwait(false);
            var count = 0;
            await foreach (var page in response.Value.GetResultsAsync().AsPages(pageSizeHint: PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                foreach (var result in page.Values)
                {
                    count++;
                    after = result.Document.Id;
                    yield return ToState(result.Document);
                }

                break;
            }

            if (count < PageSize)
            {
                yield break;
            }
        }
    }

    private static IndexedArticleState ToState(ArticleDocument d) =>
        new(d.Id, d.BlobContainer, d.BlobPath, d.BlobETag, d.ContentHash, d.DuplicateOf);
}
