using Azure;
using Azure.Search.Documents;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class SuggestTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task Suggest_Prefix_ReturnsMatchingTitlesWithHighlightedPrefix()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        var options = new SuggestOptions { HighlightPreTag = "<em>", HighlightPostTag = "</em>" };

        var results = (await client.SuggestAsync<Article>("hot", "sg", options)).Value.Results;

        Assert.Equal(["a1", "a4"], results.Select(r => r.Document.Id).Order());
        Assert.Contains(results, r => r.Text == "Harbour <em>hot</em>el reopens after storm");
        Assert.Contains(results, r => r.Text == "<em>Hot</em>el prices rise in summer");
    }

    [Fact]
    public async Task Suggest_InfixWordsWithFilterSelectAndTop_AppliesThem()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        var options = new SuggestOptions { Filter = "author eq 'Cleo'", Select = { "id", "author" }, Size = 1 };

        var results = (await client.SuggestAsync<Article>("prices ri", "sg", options)).Value.Results;

        var only = Assert.Single(results);
        Assert.Equal("a4", only.Document.Id);
        Assert.Equal("Cleo", only.Document.Author);
        Assert.Null(only.Document.Title);
        Assert.Equal("Hotel prices rise in summer", only.Text);
    }

    [Fact]
    public async Task Suggest_UnknownSuggester_Throws400()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.SuggestAsync<Article>("hot", "nosuch"));

        Assert.Equal(400, error.Status);
    }
}
