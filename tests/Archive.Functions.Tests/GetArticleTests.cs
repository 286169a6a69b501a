using Archive.Core.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Functions.Tests;

public sealed class GetArticleTests
{
    private readonly ApiMocks mocks = new();

    [Theory]
    [InlineData("_leading")]
    [InlineData("has space")]
    [InlineData("quote'")]
    [InlineData("..")]
    public async Task RunAsync_MalformedId_Returns400(string id)
    {
        var result = await new GetArticle(mocks.Service, NullLogger<GetArticle>.Instance).RunAsync(ApiMocks.Request("/api/articles/x"), id, default);

        ApiMocks.AssertProblem(result, 400);
    }

    [Fact]
    public async Task RunAsync_MissingDocument_Returns404Problem()
    {
        var result = await new GetArticle(mocks.Service, NullLogger<GetArticle>.Instance).RunAsync(ApiMocks.Request("/api/articles/bm9uZQ"), "bm9uZQ", default);

        var problem = ApiMocks.AssertProblem(result, 404);
        Assert.Equal("There is no article 'bm9uZQ'.", problem.Detail);
    }

    [Fact]
    public async Task RunAsync_IndexedDocument_ReturnsItWithBody()
    {
        mocks.Documents["YQ"] = new ArticleDocument { Id = "YQ", Title = "A", Body = "full body" };

        var result = await new GetArticle(mocks.Service, NullLogger<GetArticle>.Instance).RunAsync(ApiMocks.Request("/api/articles/YQ"), "YQ", default);

        var doc = Assert.IsType<ArticleDocument>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal("full body", doc.Body);
    }
}
