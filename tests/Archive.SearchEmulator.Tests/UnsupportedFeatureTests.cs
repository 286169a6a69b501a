using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Archive.Core.Search;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// What the emulator does not implement is refused with a 400 that names it, never silently ignored; index updates
/// follow Azure's rules (Learn, REST "Update Index": existing fields may change only retrievable, searchAnalyzer and
/// synonymMaps; only newly created fields can be added to a suggester); prefix terms are lower-cased.
/// </summary>
[Collection(SearchEmulatorCollection.Name)]
public sealed class UnsupportedFeatureTests(ImmediateSearchEmulatorFixture fixture)
{
    public static TheoryData<string> SemanticRequests => ["queryType", "captions", "answers"];

    [Theory]
    [MemberData(nameof(SemanticRequests))]
    public async Task Search_SemanticRanker_Throws400NamingIt(string feature)
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        var options = feature switch
        {
            "queryType" => new SearchOptions { QueryType = SearchQueryType.Semantic, SemanticSearch = new SemanticSearchOptions { SemanticConfigurationName = "c" } },
            "captions" => new SearchOptions { SemanticSearch = new SemanticSearchOptions { QueryCaption = new QueryCaption(QueryCaptionType.Extractive) } },
            _ => new SearchOptions { SemanticSearch = new SemanticSearchOptions { QueryAnswer = new QueryAnswer(QueryAnswerType.Extractive) } },
        };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<Article>("storm", options));

        Assert.Equal(400, error.Status);
        Assert.Contains(feature, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> IndexFeatures => ["semantic", "corsOptions", "encryptionKey", "analyzers", "tokenFilters"];

    [Theory]
    [MemberData(nameof(IndexFeatures))]
    public async Task CreateIndex_UnimplementedIndexProperty_Throws400NamingIt(string property)
    {
        var index = TestIndex.Definition(TestIndex.NewName());
        switch (property)
        {
            case "semantic":
                index.SemanticSearch = new SemanticSearch { Configurations = { new SemanticConfiguration("c", new SemanticPrioritizedFields { TitleField = new SemanticField("title") }) } };
                break;
            case "corsOptions":
                index.CorsOptions = new CorsOptions(["*"]);
                break;
            case "encryptionKey":
                index.EncryptionKey = new SearchResourceEncryptionKey(new Uri("https://vault.example/"), "key", "1");
                break;
            case "analyzers":
                index.Analyzers.Add(new CustomAnalyzer("mine", LexicalTokenizerName.Standard));
                break;
            default:
                index.TokenFilters.Add(new LengthTokenFilter("short"));
                break;
        }

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(index));

        Assert.Equal(400, error.Status);
        Assert.Contains($"'{property}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs/search.post.search", "{\"search\":\"storm\",\"speller\":\"lexicon\"}", "speller")]
    [InlineData("docs/search.post.search", "{\"search\":\"storm\",\"x-unknown\":1}", "x-unknown")]
    [InlineData("docs/search.post.suggest", "{\"search\":\"hot\",\"suggesterName\":\"sg\",\"searchMode\":\"all\"}", "searchMode")]
    [InlineData("docs/search.post.autocomplete", "{\"search\":\"hot\",\"suggesterName\":\"sg\",\"select\":\"id\"}", "select")]
    public async Task Request_UnimplementedParameter_Throws400NamingIt(string route, string body, string parameter)
    {
        // The SDK cannot send parameters it does not model, so this test speaks raw REST (pinned, with the key).
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        using var pinned = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(fixture.CertificatePath));
        using var http = new HttpClient(SearchClientOptionsFactory.CreatePinnedHandler(pinned)) { BaseAddress = fixture.Endpoint };
        http.DefaultRequestHeaders.Add("api-key", fixture.ApiKey);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"/indexes('{client.IndexName}')/{route}?api-version=2023-11-01", UriKind.Relative), content);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{parameter}'", error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIndex_SearchableSubFieldOfComplexField_Throws400()
    {
        // A string sub-field is searchable by default in Azure; the emulator does not index sub-fields, so it refuses.
        var index = new SearchIndex(TestIndex.NewName())
        {
            Fields =
            {
                new SimpleField("id", SearchFieldDataType.String) { IsKey = true },
                new ComplexField("source") { Fields = { new SearchableField("name") } },
            },
        };
        var storedOnly = new SearchIndex(TestIndex.NewName())
        {
            Fields =
            {
                new SimpleField("id", SearchFieldDataType.String) { IsKey = true },
                new ComplexField("source") { Fields = { new SimpleField("name", SearchFieldDataType.String) } },
            },
        };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(index));
        var created = (await fixture.CreateIndexClient().CreateIndexAsync(storedOnly)).Value;

        Assert.Equal(400, error.Status);
        Assert.Contains("source/name", error.Message, StringComparison.Ordinal);
        Assert.Equal(storedOnly.Name, created.Name);
    }

    [Fact]
    public async Task CreateIndex_ArchiveDefinition_IsAccepted()
    {
        var name = TestIndex.NewName();

        var created = (await fixture.CreateIndexClient().CreateIndexAsync(ArticleIndex.Build(name))).Value;

        Assert.Equal(name, created.Name);
    }

    [Fact]
    public async Task UpdateIndex_ChangedAnalyzerOnExistingField_Throws400()
    {
        var client = fixture.CreateIndexClient();
        var name = TestIndex.NewName();
        await client.CreateIndexAsync(TestIndex.Definition(name));
        var changed = TestIndex.Definition(name);
        changed.Fields.Single(f => f.Name == "body").AnalyzerName = LexicalAnalyzerName.FrLucene;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateOrUpdateIndexAsync(changed));

        Assert.Equal(400, error.Status);
        Assert.Contains("body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateIndex_ChangedTypeOfExistingField_Throws400()
    {
        var client = fixture.CreateIndexClient();
        var name = TestIndex.NewName();
        await client.CreateIndexAsync(TestIndex.Definition(name));
        var changed = TestIndex.Definition(name);
        var words = changed.Fields.Single(f => f.Name == "words");
        changed.Fields[changed.Fields.IndexOf(words)] = new SimpleField("words", SearchFieldDataType.Int64) { IsFilterable = true, IsSortable = true, IsFacetable = true };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateOrUpdateIndexAsync(changed));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task UpdateIndex_ExistingFieldAddedToSuggester_Throws400ButNewFieldIsFine()
    {
        var client = fixture.CreateIndexClient();
        var name = TestIndex.NewName();
        await client.CreateIndexAsync(TestIndex.Definition(name));

        var existing = TestIndex.Definition(name);
        existing.Suggesters.Add(new SearchSuggester("sg2", "notes"));
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateOrUpdateIndexAsync(existing));

        var added = TestIndex.Definition(name);
        added.Fields.Add(new SearchableField("subtitle"));
        added.Suggesters.Add(new SearchSuggester("sg2", "subtitle"));
        var updated = (await client.CreateOrUpdateIndexAsync(added)).Value;

        Assert.Equal(400, error.Status);
        Assert.Contains("notes", error.Message, StringComparison.Ordinal);
        Assert.Contains(updated.Suggesters, s => s.Name == "sg2");
    }

    [Fact]
    public async Task Search_PrefixWithCapitals_IsLowerCased()
    {
        // Learn, "Partial term search": the parser lower-cases prefix terms; indexed terms are lower-case.
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var simple = await TestIndex.IdsAsync(client, "Harb*", new SearchOptions { SearchFields = { "title" } });
        var full = await TestIndex.IdsAsync(client, "Harb*", new SearchOptions { SearchFields = { "title" }, QueryType = SearchQueryType.Full });

        Assert.Equal(["a1"], simple);
        Assert.Equal(["a1"], full);
    }
}
