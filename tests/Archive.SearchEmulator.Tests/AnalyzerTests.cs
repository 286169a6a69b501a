using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// Language analyzers in search and on the Analyze API. The names are Azure's (Learn, "Add language analyzers to
/// string fields"; SDK <c>LexicalAnalyzerName</c>); the expected tokens are what the Lucene analyzers Azure names
/// document (FrenchAnalyzer: elision, lower case, French stop words, light stemming; GermanAnalyzer: German
/// normalization such as ß to ss and umlauts folded, light stemming, no decompounding).
/// </summary>
[Collection(SearchEmulatorCollection.Name)]
public sealed class AnalyzerTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task Search_FrenchAnalyzer_PluralAndSingularFindEachOther()
    {
        // Arrange: the same text in a fr.lucene field and a standard.lucene field.
        var client = await CreateAsync("fr.lucene",
            Doc("d1", "Les maisons anciennes du village"),
            Doc("d2", "Une maison au bord de la mer"));

        // Act
        var singular = await IdsAsync(client, "maison", "text");
        var plural = await IdsAsync(client, "maisons", "text");
        var standardSingular = await IdsAsync(client, "maison", "plain");

        // Assert: the French analyzer stems both forms alike; the standard analyzer does not.
        Assert.Equal(["d1", "d2"], singular.Order());
        Assert.Equal(["d1", "d2"], plural.Order());
        Assert.Equal(["d2"], standardSingular);
    }

    [Fact]
    public async Task Search_GermanAnalyzer_FoldsUmlautsAndSharpS()
    {
        var client = await CreateAsync("de.lucene",
            Doc("d1", "Die Straße war voller Häuser"),
            Doc("d2", "Ein kleines Boot"));

        var strasse = await IdsAsync(client, "Strasse", "text");
        var hauser = await IdsAsync(client, "Hauser", "text");

        Assert.Equal(["d1"], strasse);
        Assert.Equal(["d1"], hauser);
    }

    [Fact]
    public async Task Analyze_GermanAnalyzer_KeepsCompoundWhole()
    {
        // Lucene's GermanAnalyzer has no decompounder: a compound is one token, normalized (ß -> ss).
        var name = await CreateIndexAsync("de.lucene");

        var tokens = (await fixture.CreateIndexClient().AnalyzeTextAsync(name, new AnalyzeTextOptions("Fußballspiel", LexicalAnalyzerName.DeLucene))).Value;

        var token = Assert.Single(tokens);
        Assert.Equal("fussballspiel", token.Token);
        Assert.Equal(0, token.StartOffset);
        Assert.Equal(12, token.EndOffset);
    }

    [Fact]
    public async Task Analyze_FrenchAnalyzer_DropsElisionAndStopWords()
    {
        var name = await CreateIndexAsync("fr.lucene");

        var tokens = (await fixture.CreateIndexClient().AnalyzeTextAsync(name, new AnalyzeTextOptions("L'avion et les maisons", LexicalAnalyzerName.FrLucene))).Value;

        // "l'" is an elision, "et" and "les" are French stop words; positions count the removed words.
        Assert.Equal(["avion", "maison"], tokens.Select(t => t.Token));
        Assert.Equal([0, 3], tokens.Select(t => t.Position));
    }

    [Theory]
    [InlineData("th.lucene", "การที่ได้ต้องแสดงว่างานดี", "แสดง งาน ดี")]
    [InlineData("zh-Hans.lucene", "我购买了道具和服装。", "我 购买 了 道具 和 服装")]
    public async Task Analyze_ThaiAndChineseAnalyzers_SegmentWords(string analyzer, string text, string expected)
    {
        // The expected segmentations are those of Lucene's own tests for ThaiAnalyzer (stop words removed) and
        // SmartChineseAnalyzer (punctuation dropped).
        var name = await CreateIndexAsync(analyzer);

        var tokens = (await fixture.CreateIndexClient().AnalyzeTextAsync(name, new AnalyzeTextOptions(text, new LexicalAnalyzerName(analyzer)))).Value;

        Assert.Equal(expected.Split(' '), tokens.Select(t => t.Token));
    }

    [Fact]
    public async Task Analyze_TokenizerAndFilters_AppliesThemInOrder()
    {
        var name = await CreateIndexAsync("standard.lucene");
        var options = new AnalyzeTextOptions("Café  Crème", LexicalTokenizerName.Whitespace) { TokenFilters = { TokenFilterName.Lowercase, TokenFilterName.AsciiFolding } };

        var tokens = (await fixture.CreateIndexClient().AnalyzeTextAsync(name, options)).Value;

        Assert.Equal(["cafe", "creme"], tokens.Select(t => t.Token));
        Assert.Equal([0, 6], tokens.Select(t => t.StartOffset));
    }

    [Fact]
    public async Task Analyze_UnimplementedTokenFilter_Throws400NamingIt()
    {
        var name = await CreateIndexAsync("standard.lucene");
        var options = new AnalyzeTextOptions("text", LexicalTokenizerName.Whitespace) { TokenFilters = { TokenFilterName.Phonetic } };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().AnalyzeTextAsync(name, options));

        Assert.Equal(400, error.Status);
        Assert.Contains("phonetic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIndex_AnalyzerAzureDoesNotKnow_Throws400()
    {
        var index = Index(TestIndex.NewName(), "xx.lucene");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(index));

        Assert.Equal(400, error.Status);
        Assert.Contains("'xx.lucene'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pl.lucene")]
    [InlineData("ja.lucene")]
    [InlineData("he.microsoft")]
    public async Task CreateIndex_AzureAnalyzerTheEmulatorCannotProvide_Throws400SayingSo(string analyzer)
    {
        var index = Index(TestIndex.NewName(), analyzer);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(index));

        Assert.Equal(400, error.Status);
        Assert.Contains("cannot provide", error.Message, StringComparison.Ordinal);
        Assert.Contains(analyzer, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es.lucene", "canciones", "canción")]
    [InlineData("it.lucene", "ragazzi", "ragazzo")]
    [InlineData("nl.lucene", "boeken", "boek")]
    [InlineData("sv.lucene", "bilarna", "bil")]
    [InlineData("ru.lucene", "книги", "книга")]
    [InlineData("pt-BR.lucene", "livros", "livro")]
    public async Task Search_LanguageAnalyzer_InflectedFormFindsBaseForm(string analyzer, string indexed, string query)
    {
        var client = await CreateAsync(analyzer, Doc("d1", indexed), Doc("d2", "zzz"));

        var ids = await IdsAsync(client, query, "text");

        Assert.Equal(["d1"], ids);
    }

    [Fact]
    public async Task Search_IndexAndSearchAnalyzerPair_UsesEachOnItsSide()
    {
        // Indexed with keyword (one token, case kept), searched with whitespace: only the exact whole value matches.
        var name = TestIndex.NewName();
        var index = new SearchIndex(name)
        {
            Fields =
            {
                new SimpleField("id", SearchFieldDataType.String) { IsKey = true },
                new SearchableField("code") { IndexAnalyzerName = LexicalAnalyzerName.Keyword, SearchAnalyzerName = LexicalAnalyzerName.Whitespace },
            },
        };
        await fixture.CreateIndexClient().CreateIndexAsync(index);
        var client = fixture.CreateSearchClient(name);
        await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload([new SearchDocument { ["id"] = "1", ["code"] = "AB-12" }]), new IndexDocumentsOptions { ThrowOnAnyError = true });

        var exact = await IdsAsync(client, "AB-12", "code");
        var lower = await IdsAsync(client, "ab-12", "code");

        Assert.Equal(["1"], exact);
        Assert.Empty(lower);
    }

    [Fact]
    public async Task CreateIndex_LanguageAnalyzerAsSearchAnalyzer_Throws400()
    {
        // Learn (SearchableField.SearchAnalyzerName): "This property cannot be set to the name of a language analyzer".
        var index = new SearchIndex(TestIndex.NewName())
        {
            Fields =
            {
                new SimpleField("id", SearchFieldDataType.String) { IsKey = true },
                new SearchableField("text") { IndexAnalyzerName = LexicalAnalyzerName.Keyword, SearchAnalyzerName = LexicalAnalyzerName.FrLucene },
            },
        };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(index));

        Assert.Equal(400, error.Status);
    }

    private static SearchDocument Doc(string id, string text) => new() { ["id"] = id, ["text"] = text, ["plain"] = text };

    private static SearchIndex Index(string name, string analyzer) => new(name)
    {
        Fields =
        {
            new SimpleField("id", SearchFieldDataType.String) { IsKey = true },
            new SearchableField("text") { AnalyzerName = new LexicalAnalyzerName(analyzer) },
            new SearchableField("plain") { AnalyzerName = LexicalAnalyzerName.StandardLucene },
        },
    };

    private async Task<string> CreateIndexAsync(string analyzer)
    {
        var name = TestIndex.NewName();
        await fixture.CreateIndexClient().CreateIndexAsync(Index(name, analyzer));
        return name;
    }

    private async Task<SearchClient> CreateAsync(string analyzer, params SearchDocument[] documents)
    {
        var client = fixture.CreateSearchClient(await CreateIndexAsync(analyzer));
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
}
