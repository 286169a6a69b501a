using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Functions.Tests;

public sealed class SuggestTests
{
    [Theory]
    [InlineData("", "'q' is required.")]
    [InlineData("?q=", "'q' is required.")]
    [InlineData("?q=a&q=b", "'q' may be given only once.")]
    public async Task RunAsync_BadQ_Returns400(string query, string message)
    {
        var result = await new Suggest(new ApiMocks().Service, NullLogger<Suggest>.Instance).RunAsync(ApiMocks.Request("/api/suggest", query), default);

        var problem = Assert.IsType<HttpValidationProblemDetails>(ApiMocks.AssertProblem(result, 400));
        Assert.Equal([message], problem.Errors["q"]);
    }

    [Fact]
    public async Task RunAsync_QLongerThan100_Returns400()
    {
        var result = await new Suggest(new ApiMocks().Service, NullLogger<Suggest>.Instance).RunAsync(ApiMocks.Request("/api/suggest", "?q=" + new string('a', 101)), default);

        ApiMocks.AssertProblem(result, 400);
    }
}
