using Archive.Core.Options;
using Archive.Core.Search;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;
using NSubstitute;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Core.Tests.Search;

/// <summary>
/// The start-up check with only the app's role (Search Index Data Contributor): reading the index definition answers
/// 403 in Azure (it needs Search Service Contributor), counting the documents is allowed
/// (learn.microsoft.com/azure/search/search-security-rbac).
/// </summary>
public sealed class SearchIndexCheckTests
{
    private readonly SearchIndexClient indexClient = Substitute.For<SearchIndexClient>();
    private readonly SearchClient searchClient = Substitute.For<SearchClient>();

    public SearchIndexCheckTests()
    {
        // What the service answers the data-plane role: no index definitions.
        indexClient.GetIndexAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<Response<SearchIndex>>(new RequestFailedException(403, "Forbidden")));
        indexClient.GetSearchClient("articles").Returns(searchClient);
    }

    private SearchIndexCheck Check(bool createIfMissing = false) =>
        new(indexClient, MsOptions.Create(new SearchServiceOptions { IndexName = "articles", CreateIndexIfMissing = createIfMissing }));

    [Fact]
    public async Task VerifyAsync_IndexExistsAndOnlyDataRoles_PassesWithoutReadingTheDefinition()
    {
        // Arrange
        searchClient.GetDocumentCountAsync(Arg.Any<CancellationToken>()).Returns(Task.FromResult(Response.FromValue(12L, Substitute.For<Response>())));

        // Act
        var created = await Check().VerifyAsync(default);

        // Assert
        Assert.False(created);
        await indexClient.DidNotReceive().GetIndexAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task VerifyAsync_IndexMissing_StopsWithWhatToDo()
    {
        // Arrange
        searchClient.GetDocumentCountAsync(Arg.Any<CancellationToken>())
            .Returns(Task.FromException<Response<long>>(new RequestFailedException(404, "The index 'articles' was not found.")));

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Check().VerifyAsync(default));

        // Assert
        Assert.Contains("archive index ensure", error.Message, StringComparison.Ordinal);
    }
}
