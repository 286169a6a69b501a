using Archive.Core.Options;
using Azure;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;
using Microsoft.Extensions.Options;

namespace Archive.Core.Search;

/// <summary>Creates or checks the articles index (the app checks it at start; <c>archive index ensure</c> creates it).</summary>
public sealed class SearchIndexCheck(SearchIndexClient indexClient, IOptions<SearchServiceOptions> options)
{
    /// <summary>Creates the index, or updates its schema to <see cref="ArticleIndex"/>.</summary>
    public async Task<SearchIndex> EnsureAsync(CancellationToken cancellationToken)
    {
        var index = ArticleIndex.Build(options.Value.IndexName);
        return (await indexClient.CreateOrUpdateIndexAsync(index, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>
    /// Fails with a message that says what to do when the index is missing, unless
    /// <see cref="SearchServiceOptions.CreateIndexIfMissing"/> allows creating it. Returns true when the index was created.
    /// </summary>
    /// <remarks>
    /// The check counts the documents (<c>GET /indexes/{name}/docs/$count</c>), a data-plane read that Search Index Data
    /// Reader and Contributor allow: the app's identity has Contributor only, and reading the index definition
    /// (<c>GetIndex</c>) needs Search Service Contributor, so it would answer 403 in Azure every time
    /// (learn.microsoft.com/azure/search/search-security-rbac, "Built-in roles"). A missing index answers 404.
    /// </remarks>
    public async Task<bool> VerifyAsync(CancellationToken cancellationToken)
    {
        var name = options.Value.IndexName;
        try
        {
            await indexClient.GetSearchClient(name).GetDocumentCountAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            if (options.Value.CreateIndexIfMissing)
            {
                await EnsureAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            throw new InvalidOperationException(
                $"The search index '{name}' does not exist at {indexClient.Endpoint}. Create it with 'archive index ensure' " +
                "(or the deployment's postprovision step), or set Search__CreateIndexIfMissing=true if this app may create it.", e);
        }
    }
}
