using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class PagingTests(ImmediateSearchEmulatorFixture fixture)
{
    private static IEnumerable<Article> Many(int count) =>
        Enumerable.Range(0, count).Select(i => new Article { Id = $"p{i:D4}", Title = $"page test {i}", Words = i });

    [Fact]
    public async Task GetResultsAsync_120DocumentsWithoutSize_EnumeratesAllAcrossPages()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture, Many(120));

        // Act
        var ids = await TestIndex.IdsAsync(client, "*", new SearchOptions { OrderBy = { "words asc" } });

        // Assert
        Assert.Equal(120, ids.Count);
        Assert.Equal(Many(120).Select(a => a.Id), ids);
    }

    [Fact]
    public async Task AsPages_120DocumentsWithoutSize_ReturnsPagesOf50WithContinuation()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture, Many(120));
        var response = (await client.SearchAsync<Article>("page", new SearchOptions { IncludeTotalCount = true })).Value;

        // Act
        var pages = new List<Azure.Page<SearchResult<Article>>>();
        await foreach (var page in response.GetResultsAsync().AsPages())
        {
            pages.Add(page);
        }

        // Assert
        Assert.Equal(120, response.TotalCount);
        Assert.Equal([50, 50, 20], pages.Select(p => p.Values.Count));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[2].ContinuationToken);
        Assert.Equal(120, pages.SelectMany(p => p.Values).Select(r => r.Document.Id).Distinct().Count());
    }

    [Fact]
    public async Task Search_ExplicitSizeBelowTotal_ReturnsOnePageWithoutContinuation()
    {
        var client = await TestIndex.CreateAsync(fixture, Many(60));

        var ids = await TestIndex.IdsAsync(client, "*", new SearchOptions { Size = 10 });

        Assert.Equal(10, ids.Count);
    }
}
