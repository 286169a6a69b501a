using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// Autocomplete over the suggester's fields (Learn, REST "Autocomplete": oneTerm completes the last term, twoTerms
/// suggests two-term phrases, oneTermWithContext completes the last term where it follows the others; fuzzy allows
/// one substituted or missing character) and fuzzy suggestions. The corpus is <see cref="TestIndex.Corpus"/> (suggester
/// "sg" on title).
/// </summary>
[Collection(SearchEmulatorCollection.Name)]
public sealed class AutocompleteTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task OneTerm_CompletesTheLastTerm()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var single = await CompleteAsync(client, "hot", new AutocompleteOptions { Mode = AutocompleteMode.OneTerm });
        var second = await CompleteAsync(client, "storm w", new AutocompleteOptions { Mode = AutocompleteMode.OneTerm });

        Assert.Equal([("hotel", "hotel")], single);
        Assert.Equal([("warning", "storm warning")], second);
    }

    [Fact]
    public async Task TwoTerms_SuggestsTheCompletedTermWithTheNextOne()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var results = await CompleteAsync(client, "hot", new AutocompleteOptions { Mode = AutocompleteMode.TwoTerms });

        Assert.Equal([("hotel prices", "hotel prices"), ("hotel reopens", "hotel reopens")], results);
    }

    [Fact]
    public async Task OneTermWithContext_CompletesOnlyAfterTheTypedTerms()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var harbour = await CompleteAsync(client, "harbour hot", new AutocompleteOptions { Mode = AutocompleteMode.OneTermWithContext });
        var storm = await CompleteAsync(client, "storm hot", new AutocompleteOptions { Mode = AutocompleteMode.OneTermWithContext });

        Assert.Equal([("harbour hotel", "harbour hotel")], harbour);
        Assert.Empty(storm);
    }

    [Fact]
    public async Task Fuzzy_FindsCompletionsOneCharacterAway()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var exact = await CompleteAsync(client, "hpt", new AutocompleteOptions());
        var fuzzy = await CompleteAsync(client, "hpt", new AutocompleteOptions { UseFuzzyMatching = true });

        Assert.Empty(exact);
        Assert.Equal([("hotel", "hotel")], fuzzy);
    }

    [Fact]
    public async Task FilterTopAndHighlightTags_AreApplied()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var filtered = await CompleteAsync(client, "hot", new AutocompleteOptions { Mode = AutocompleteMode.TwoTerms, Filter = "author eq 'Cleo'" });
        var top = await CompleteAsync(client, "s", new AutocompleteOptions { Size = 1 });
        var tagged = await CompleteAsync(client, "hot", new AutocompleteOptions { HighlightPreTag = "<b>", HighlightPostTag = "</b>" });

        Assert.Equal([("hotel prices", "hotel prices")], filtered);
        Assert.Equal([("storm", "storm")], top);
        Assert.Equal([("<b>hotel</b>", "<b>hotel</b>")], tagged);
    }

    [Fact]
    public async Task OneTerm_CountsOnlyFilteredAndLiveDocuments()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var filtered = await CompleteAsync(client, "s", new AutocompleteOptions { Filter = "author eq 'Cleo'" });
        await client.IndexDocumentsAsync(IndexDocumentsBatch.Delete("id", ["a1", "a3"]), new IndexDocumentsOptions { ThrowOnAnyError = true });
        var afterDelete = await CompleteAsync(client, "s", new AutocompleteOptions());

        // Only a4 ("Hotel prices rise in summer") is Cleo's; once a1 and a3 are deleted, "storm" has no document left.
        Assert.Equal([("summer", "summer")], filtered);
        Assert.Equal([("summer", "summer")], afterDelete);
    }

    [Fact]
    public async Task SearchFieldOutsideTheSuggester_Throws400()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.AutocompleteAsync("hot", "sg", new AutocompleteOptions { SearchFields = { "body" } }));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Suggest_Fuzzy_FindsDocumentsOneCharacterAway()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var exact = (await client.SuggestAsync<Article>("hptel", "sg")).Value.Results;
        var fuzzy = (await client.SuggestAsync<Article>("hptel", "sg", new SuggestOptions { UseFuzzyMatching = true, HighlightPreTag = "<em>", HighlightPostTag = "</em>" })).Value.Results;

        Assert.Empty(exact);
        Assert.Equal(["a1", "a4"], fuzzy.Select(r => r.Document.Id).Order());
        Assert.Contains(fuzzy, r => r.Text == "Harbour <em>hotel</em> reopens after storm");
    }

    private static async Task<List<(string Text, string QueryPlusText)>> CompleteAsync(SearchClient client, string text, AutocompleteOptions options) =>
        (await client.AutocompleteAsync(text, "sg", options)).Value.Results.Select(r => (r.Text, r.QueryPlusText)).ToList();
}
