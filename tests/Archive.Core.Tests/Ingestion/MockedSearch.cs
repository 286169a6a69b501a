using Archive.Core.Search;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;
using NSubstitute;
using AISearchOptions = Azure.Search.Documents.SearchOptions;

namespace Archive.Core.Tests.Ingestion;

/// <summary>
/// A <see cref="SearchClient"/> substitute (the SDK's virtual methods and model factory): it returns the configured
/// indexed document and search hits, and records every batch sent.
/// </summary>
internal sealed class MockedSearch
{
    public MockedSearch()
    {
        Client = Substitute.For<SearchClient>();
        Client.GetDocumentAsync<ArticleDocument>(Arg.Any<string>(), Arg.Any<GetDocumentOptions>(), Arg.Any<CancellationToken>())
            .Returns(call => Indexed.TryGetValue(call.ArgAt<string>(0), out var doc)
                ? Task.FromResult(Response.FromValue(doc, Substitute.For<Response>()))
                : Task.FromException<Response<ArticleDocument>>(new RequestFailedException(404, "Document not found.")));
        Client.SearchAsync<ArticleDocument>(Arg.Any<string>(), Arg.Any<AISearchOptions>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                Searches.Add(call.ArgAt<AISearchOptions>(1));
                var results = SearchModelFactory.SearchResults(Hits.Select(d => SearchModelFactory.SearchResult(d, 1.0, null)).ToList(), Hits.Count, null, null, Substitute.For<Response>());
                return Task.FromResult(Response.FromValue(results, Substitute.For<Response>()));
            });
        Client.IndexDocumentsAsync(Arg.Any<IndexDocumentsBatch<ArticleDocument>>(), Arg.Any<IndexDocumentsOptions>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                if (IndexFailure is not null)
                {
                    return Task.FromException<Response<IndexDocumentsResult>>(IndexFailure);
                }

                var batch = call.ArgAt<IndexDocumentsBatch<ArticleDocument>>(0);
                Batches.Add(batch);
                var results = batch.Actions.Select(a => SearchModelFactory.IndexingResult(a.Document.Id, null, true, 200)).ToList();
                return Task.FromResult(Response.FromValue(SearchModelFactory.IndexDocumentsResult(results), Substitute.For<Response>()));
            });
    }

    public SearchClient Client { get; }

    /// <summary>Documents GetDocument finds, by id.</summary>
    public Dictionary<string, ArticleDocument> Indexed { get; } = new(StringComparer.Ordinal);

    /// <summary>What every search returns.</summary>
    public List<ArticleDocument> Hits { get; } = [];

    /// <summary>Thrown by IndexDocuments when set.</summary>
    public Exception? IndexFailure { get; set; }

    public List<IndexDocumentsBatch<ArticleDocument>> Batches { get; } = [];

    public List<AISearchOptions> Searches { get; } = [];

    public ArticleStore Store => new(Client);
}
