using Archive.Testing;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>Creates a uniquely named index of <see cref="Article"/> with a suggester, and a small corpus written for these tests.</summary>
public static class TestIndex
{
    public static SearchIndex Definition(string name) => new(name, new FieldBuilder().Build(typeof(Article)))
    {
        Suggesters = { new SearchSuggester("sg", "title") },
    };

    public static string NewName() => "t-" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<SearchClient> CreateAsync(SearchEmulatorFixture fixture, IEnumerable<Article>? documents = null)
    {
        var name = NewName();
        await fixture.CreateIndexClient().CreateIndexAsync(Definition(name));
        var client = fixture.CreateSearchClient(name);
        if (documents is not null)
        {
            await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload(documents), new IndexDocumentsOptions { ThrowOnAnyError = true });
        }

        return client;
    }

    public static Article[] Corpus() =>
    [
        new() { Id = "a1", Title = "Harbour hotel reopens after storm", Body = "The old harbour hotel reopened on Monday after the winter storms damaged its roof.", Author = "Ada", Published = Date(2021, 3, 1), Tags = ["local", "business"], Words = 120, Size = 900, Rating = 4.5, Featured = true },
        new() { Id = "a2", Title = "City council archives go online", Body = "Decades of council minutes and archived letters are now searchable online.", Author = "Ben", Published = Date(2022, 7, 15), Tags = ["politics", "local"], Words = 300, Size = 2100, Rating = 3.0, Featured = false },
        new() { Id = "a3", Title = "Storm warning for the coast", Body = "Forecasters warn of a strong storm reaching the coast by Friday night.", Author = "Ada", Published = Date(2022, 11, 2), Tags = ["weather"], Words = 80, Size = 500, Rating = 4.0, Featured = false },
        new() { Id = "a4", Title = "Hotel prices rise in summer", Body = "Hotels along the coast raised their prices as tourists returned.", Author = "Cleo", Published = Date(2023, 6, 20), Tags = ["business", "tourism"], Words = 200, Size = 1500, Rating = 2.5 },
        new() { Id = "a5", Title = "Library extends opening hours", Body = "The public library will stay open until nine in the evening.", Author = null, Published = null, Tags = [], Words = 60, Size = 400 },
    ];

    public static DateTimeOffset Date(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    public static async Task<List<string>> IdsAsync(SearchClient client, string? text, SearchOptions options)
    {
        var response = await client.SearchAsync<Article>(text, options);
        var ids = new List<string>();
        await foreach (var result in response.Value.GetResultsAsync())
        {
            ids.Add(result.Document.Id);
        }

        return ids;
    }
}
