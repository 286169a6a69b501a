using System.Globalization;
using Archive.Core.Api;
using Archive.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Functions.Tests.Integration;

/// <summary>Paging through ties (equal dates, equal scores) never skips or repeats an article.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class StableOrderIntegrationTests(AzuriteFixture azurite, SearchEmulatorFixture emulator)
{
    [Theory]
    [InlineData("newest")]
    [InlineData("oldest")]
    [InlineData("relevance")]
    public async Task Search_PagingThroughTies_ReturnsEachArticleOnceInIdOrder(string sort)
    {
        // Arrange: 37 articles, all on the same instant with the same text (equal scores), indexed in an order unlike their ids.
        var same = new DateTimeOffset(2025, 5, 5, 5, 5, 5, TimeSpan.Zero);
        var documents = Enumerable.Range(0, 37)
            .Select(i => ApiStack.Doc("t" + ((i * 13) % 37).ToString("D2", CultureInfo.InvariantCulture), d =>
            {
                d.PublishedAt = same;
                d.Title = "Same story";
                d.Body = "Same story.";
            }))
            .ToArray();
        var stack = await ApiStack.StartAsync(azurite, emulator, documents);
        var function = new SearchArticles(stack.Service, NullLogger<SearchArticles>.Instance);

        // Act
        var seen = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var result = await function.RunAsync(ApiMocks.Request("/api/search", $"?q=story&sort={sort}&pageSize=10&page={page}"), default);
            seen.AddRange(Assert.IsType<ArticleSearchPage>(Assert.IsType<OkObjectResult>(result).Value).Results.Select(r => r.Id));
        }

        // Assert
        Assert.Equal(documents.Select(d => d.Id).Order(StringComparer.Ordinal), seen);
    }
}
