using Azure;
using Azure.Search.Documents;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class FilterTests(ImmediateSearchEmulatorFixture fixture)
{
    [Theory]
    [InlineData("author eq 'Ada'", "a1,a3")]
    [InlineData("author ne 'Ada'", "a2,a4,a5")]
    [InlineData("author eq null", "a5")]
    [InlineData("author ne null and author lt 'C'", "a1,a2,a3")]
    [InlineData("words gt 100", "a1,a2,a4")]
    [InlineData("words ge 120 and words le 200", "a1,a4")]
    [InlineData("size lt 900", "a3,a5")]
    [InlineData("rating ge 3.0 and rating lt 4.5", "a2,a3")]
    [InlineData("featured eq true", "a1")]
    [InlineData("featured", "a1")]
    [InlineData("not featured", "a2,a3,a4,a5")]
    [InlineData("published ge 2022-01-01T00:00:00Z and published lt 2023-01-01T00:00:00Z", "a2,a3")]
    [InlineData("published gt 2022-07-15T02:00:00+02:00", "a3,a4")]
    [InlineData("published eq null", "a5")]
    [InlineData("search.in(author, 'Ben,Cleo')", "a2,a4")]
    [InlineData("search.in(author, 'Ben|Cleo', '|')", "a2,a4")]
    [InlineData("tags/any(t: t eq 'local')", "a1,a2")]
    [InlineData("tags/any(t: t eq 'weather' or t eq 'tourism')", "a3,a4")]
    [InlineData("tags/any(t: search.in(t, 'politics, weather'))", "a2,a3")]
    [InlineData("tags/all(t: t ne 'local')", "a3,a4,a5")]
    [InlineData("tags/any()", "a1,a2,a3,a4")]
    [InlineData("not tags/any()", "a5")]
    [InlineData("(author eq 'Ada' or author eq 'Cleo') and not (words lt 100)", "a1,a4")]
    [InlineData("5 lt words and words lt 70", "a5")]
    public async Task Search_Filter_MatchesExpectedDocuments(string filter, string expected)
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var ids = await TestIndex.IdsAsync(client, "*", new SearchOptions { Filter = filter });

        Assert.Equal(expected.Split(','), ids.Order());
    }

    [Fact]
    public async Task Search_FilterBuiltWithSearchFilterCreate_EscapesQuotes()
    {
        var client = await TestIndex.CreateAsync(fixture, [new Article { Id = "q1", Author = "O'Brien" }, new Article { Id = "q2", Author = "OBrien" }]);

        var ids = await TestIndex.IdsAsync(client, "*", new SearchOptions { Filter = SearchFilter.Create($"author eq {"O'Brien"}") });

        Assert.Equal(["q1"], ids);
    }

    [Theory]
    [InlineData("notes eq 'x'")]
    [InlineData("nosuch eq 1")]
    [InlineData("author eq 'x' andd")]
    [InlineData("author in ('a', 'b')")]
    [InlineData("published ge 2020-01-01")]
    [InlineData("tags/any(t: t ne 'x')")]
    [InlineData("words gt null")]
    public async Task Search_InvalidOrNonFilterableFilter_Throws400InvalidExpression(string filter)
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<Article>("*", new SearchOptions { Filter = filter }));

        Assert.Equal(400, error.Status);
        Assert.StartsWith("Invalid expression:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Parameter name: $filter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UnknownFilterField_UsesAzureWording()
    {
        var client = await TestIndex.CreateAsync(fixture);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<Article>("*", new SearchOptions { Filter = "badfilter eq 1" }));

        Assert.Contains("Could not find a property named 'badfilter' on type 'search.document'.", error.Message, StringComparison.Ordinal);
    }
}
