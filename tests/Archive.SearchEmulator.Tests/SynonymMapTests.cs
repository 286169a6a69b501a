using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// Synonym maps (Learn, "Add synonyms in Azure AI Search"): Solr format; an equivalence rule expands a query on any of
/// its terms to all of them ("USA" also finds "United States", as a phrase), an explicit rule rewrites the left-hand
/// terms to the right-hand ones; only fields that name the map expand; the map is a service resource.
/// </summary>
[Collection(SearchEmulatorCollection.Name)]
public sealed class SynonymMapTests(ImmediateSearchEmulatorFixture fixture)
{
    private const string Rules = "USA, United States, United States of America\nWashington, Wash. => WA\n";

    /// <summary>One shared map (a service has at most 20); create-or-update makes it idempotent.</summary>
    private const string MapName = "test-geo-synonyms";

    [Fact]
    public async Task Equivalence_ExpandsBothWaysWithMultiWordSynonymsAsPhrases()
    {
        var client = await CreateAsync(
            Doc("us", "Flights to the United States resume"),
            Doc("usa", "USA travel rules change"),
            Doc("split", "The states of the united kingdom"));

        var fromAbbreviation = await IdsAsync(client, "usa", "mapped");
        var fromPhrase = await IdsAsync(client, "\"united states\"", "mapped");

        // "split" has both words but not the phrase, so the expansion to the phrase does not find it.
        Assert.Equal(["us", "usa"], fromAbbreviation.Order());
        Assert.Equal(["us", "usa"], fromPhrase.Order());
    }

    [Fact]
    public async Task Explicit_RewritesLeftToRightOnly()
    {
        var client = await CreateAsync(
            Doc("wa", "WA state news"),
            Doc("washington", "Washington news"));

        var fromLeft = await IdsAsync(client, "washington", "mapped");
        var fromRight = await IdsAsync(client, "wa", "mapped");

        // "washington" is replaced by "wa"; "wa" is not expanded back.
        Assert.Equal(["wa"], fromLeft);
        Assert.Equal(["wa"], fromRight);
    }

    [Fact]
    public async Task FieldWithoutTheMap_DoesNotExpand()
    {
        var client = await CreateAsync(Doc("us", "Flights to the United States resume"));

        var mapped = await IdsAsync(client, "usa", "mapped");
        var plain = await IdsAsync(client, "usa", "plain");

        Assert.Equal(["us"], mapped);
        Assert.Empty(plain);
    }

    [Fact]
    public async Task FullSyntax_ExpandsToo()
    {
        var client = await CreateAsync(Doc("us", "Flights to the United States resume"));

        var response = (await client.SearchAsync<SearchDocument>("mapped:usa", new SearchOptions { QueryType = SearchQueryType.Full })).Value;

        Assert.Equal(1, await CountAsync(response));
    }

    [Fact]
    public async Task SynonymMapCrud_CreateGetListUpdateDelete()
    {
        var client = fixture.CreateIndexClient();
        var name = TestIndex.NewName();

        var created = (await client.CreateSynonymMapAsync(new SynonymMap(name, "a, b"))).Value;
        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateSynonymMapAsync(new SynonymMap(name, "a, b")));
        var updated = (await client.CreateOrUpdateSynonymMapAsync(new SynonymMap(name, "a, b, c"))).Value;
        var fetched = (await client.GetSynonymMapAsync(name)).Value;
        var names = new List<string>();
        foreach (var n in (await client.GetSynonymMapNamesAsync()).Value)
        {
            names.Add(n);
        }

        await client.DeleteSynonymMapAsync(name);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetSynonymMapAsync(name));

        Assert.Equal(name, created.Name);
        Assert.Equal(409, conflict.Status);
        Assert.Equal("a, b, c", updated.Synonyms);
        Assert.Equal("a, b, c", fetched.Synonyms);
        Assert.Contains(name, names);
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task SynonymMap_SurvivesARestart()
    {
        var client = fixture.CreateIndexClient();
        var name = TestIndex.NewName();
        await client.CreateSynonymMapAsync(new SynonymMap(name, "x, y"));

        await fixture.RestartAsync();
        var fetched = (await fixture.CreateIndexClient().GetSynonymMapAsync(name)).Value;
        await fixture.CreateIndexClient().DeleteSynonymMapAsync(name);

        Assert.Equal("x, y", fetched.Synonyms);
    }

    [Fact]
    public async Task CreateIndex_FieldNamingAMissingMap_Throws400()
    {
        var index = new SearchIndex(TestIndex.NewName())
        {
            Fields =
            {
                new SimpleField("id", SearchFieldDataType.String) { IsKey = true },
                new SearchableField("text") { SynonymMapNames = { "no-such-map" } },
            },
        };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(index));

        Assert.Equal(400, error.Status);
        Assert.Contains("no-such-map", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateIndex_AddingSynonymMapToExistingField_IsAllowed()
    {
        // Learn, REST "Update Index": existing fields may "Add or change synonymMaps".
        var indexClient = fixture.CreateIndexClient();
        await indexClient.CreateOrUpdateSynonymMapAsync(new SynonymMap(MapName, Rules));
        var name = TestIndex.NewName();
        var index = Index(name, null);
        await indexClient.CreateIndexAsync(index);
        var client = fixture.CreateSearchClient(name);
        await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload([Doc("us", "Flights to the United States resume")]), new IndexDocumentsOptions { ThrowOnAnyError = true });
        var before = await IdsAsync(client, "usa", "mapped");

        await indexClient.CreateOrUpdateIndexAsync(Index(name, MapName));
        var after = await IdsAsync(client, "usa", "mapped");

        Assert.Empty(before);
        Assert.Equal(["us"], after);
    }

    private static SearchDocument Doc(string id, string text) => new() { ["id"] = id, ["mapped"] = text, ["plain"] = text };

    private static SearchIndex Index(string name, string? map)
    {
        var mapped = new SearchableField("mapped");
        if (map is not null)
        {
            mapped.SynonymMapNames.Add(map);
        }

        return new SearchIndex(name)
        {
            Fields = { new SimpleField("id", SearchFieldDataType.String) { IsKey = true }, mapped, new SearchableField("plain") },
        };
    }

    private async Task<SearchClient> CreateAsync(params SearchDocument[] documents)
    {
        var indexClient = fixture.CreateIndexClient();
        await indexClient.CreateOrUpdateSynonymMapAsync(new SynonymMap(MapName, Rules));
        var name = TestIndex.NewName();
        await indexClient.CreateIndexAsync(Index(name, MapName));
        var client = fixture.CreateSearchClient(name);
        await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload(documents), new IndexDocumentsOptions { ThrowOnAnyError = true });
        return client;
    }

    private static async Task<List<string>> IdsAsync(SearchClient client, string text, string field)
    {
        var response = (await client.SearchAsync<SearchDocument>(text, new SearchOptions { SearchFields = { field } })).Value;
        var ids = new List<string>();
        await foreach (var result in response.GetResultsAsync())
        {
            ids.Add((string)result.Document["id"]);
        }

        return ids;
    }

    private static async Task<int> CountAsync(SearchResults<SearchDocument> response)
    {
        var count = 0;
        await foreach (var _ in response.GetResultsAsync())
        {
            count++;
        }

        return count;
    }
}
