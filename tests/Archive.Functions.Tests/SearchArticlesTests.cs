using Archive.Core.Api;
using Archive.Core.Search;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Functions.Tests;

public sealed class SearchArticlesTests
{
    private readonly ApiMocks mocks = new();

    private SearchArticles Function => new(mocks.Service, NullLogger<SearchArticles>.Instance);

    [Theory]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?page=500&pageSize=100", "page")]
    [InlineData("?sort=popular", "sort")]
    [InlineData("?from=last-week", "from")]
    [InlineData("?to=2024-02-30", "to")]
    [InlineData("?from=2024-02-02&to=2024-02-01", "to")]
    [InlineData("?includeDuplicates=yes", "includeDuplicates")]
    [InlineData("?q=a&q=b", "q")]
    public async Task RunAsync_InvalidParameter_Returns400ProblemNamingIt(string query, string parameter)
    {
        // Act
        var result = await Function.RunAsync(ApiMocks.Request("/api/search", query), default);

        // Assert
        var problem = Assert.IsType<HttpValidationProblemDetails>(ApiMocks.AssertProblem(result, 400));
        Assert.True(problem.Errors.ContainsKey(parameter), string.Join(",", problem.Errors.Keys));
        Assert.Empty(mocks.Searches);
    }

    [Fact]
    public async Task RunAsync_QueryLongerThan1000_Returns400()
    {
        var result = await Function.RunAsync(ApiMocks.Request("/api/search", "?q=" + new string('x', 1001)), default);

        var problem = Assert.IsType<HttpValidationProblemDetails>(ApiMocks.AssertProblem(result, 400));
        Assert.Equal(["'q' is 1001 characters long; the limit is 1000."], problem.Errors["q"]);
    }

    [Fact]
    public async Task RunAsync_ValidQuery_ReturnsPageWithEscapedFilterAndPaging()
    {
        // Arrange
        mocks.Documents["YQ"] = new ArticleDocument { Id = "YQ", Title = "A", BlobPath = "a.txt", Authors = ["Ann"], Body = "secret body" };

        // Act
        var result = await Function.RunAsync(ApiMocks.Request("/api/search", "?q=climate&author=O%27Brien&page=2&pageSize=5&sort=newest"), default);

        // Assert
        var ok = Assert.IsType<OkObjectResult>(result);
        var page = Assert.IsType<ArticleSearchPage>(ok.Value);
        Assert.Equal(2, page.Page);
        Assert.Equal(5, page.PageSize);
        var hit = Assert.Single(page.Results);
        Assert.Equal("YQ", hit.Id);
        Assert.Equal(["an <em>x</em>"], hit.Highlights);
        var (text, options) = Assert.Single(mocks.Searches);
        Assert.Equal("climate", text);
        Assert.Equal("(authors/any(x: x eq 'O''Brien')) and (duplicateOf eq null)", options.Filter);
        Assert.Equal(5, options.Skip);
        Assert.Equal(5, options.Size);
        Assert.Equal(["publishedAt desc", "id asc"], options.OrderBy);
        Assert.DoesNotContain("body", options.Select);
    }

    [Fact]
    public async Task RunAsync_SearchUnavailable_Returns503Problem()
    {
        mocks.Failure = new RequestFailedException(503, "busy");

        var result = await Function.RunAsync(ApiMocks.Request("/api/search", "?q=x"), default);

        ApiMocks.AssertProblem(result, 503);
    }
}
