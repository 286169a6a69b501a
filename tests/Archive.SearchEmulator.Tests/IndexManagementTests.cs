using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Archive.Core.Search;
using Azure;
using Azure.Search.Documents.Indexes.Models;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class IndexManagementTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task CreateIndex_FieldBuilderModel_ReturnsFieldsWithAttributesAndSuggester()
    {
        // Arrange
        var client = fixture.CreateIndexClient();
        var name = TestIndex.NewName();

        // Act
        var created = (await client.CreateIndexAsync(TestIndex.Definition(name))).Value;
        var fetched = (await client.GetIndexAsync(name)).Value;

        // Assert
        Assert.Equal(name, fetched.Name);
        Assert.Equal(11, fetched.Fields.Count);
        var id = fetched.Fields.Single(f => f.Name == "id");
        Assert.True(id.IsKey);
        var tags = fetched.Fields.Single(f => f.Name == "tags");
        Assert.Equal(SearchFieldDataType.Collection(SearchFieldDataType.String), tags.Type);
        Assert.True(tags.IsSearchable);
        Assert.True(tags.IsFacetable);
        Assert.False(tags.IsSortable);
        Assert.Equal(SearchFieldDataType.DateTimeOffset, fetched.Fields.Single(f => f.Name == "published").Type);
        Assert.Equal("en.lucene", fetched.Fields.Single(f => f.Name == "body").AnalyzerName?.ToString());
        Assert.Equal(["title"], fetched.Suggesters.Single(s => s.Name == "sg").SourceFields);
        Assert.NotNull(created.ETag);
    }

    [Fact]
    public async Task CreateIndex_ExistingName_Throws409ResourceNameAlreadyInUse()
    {
        // Arrange
        var client = fixture.CreateIndexClient();
        var name = TestIndex.NewName();
        await client.CreateIndexAsync(TestIndex.Definition(name));

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateIndexAsync(TestIndex.Definition(name)));

        // Assert
        Assert.Equal(409, error.Status);
        Assert.Equal("ResourceNameAlreadyInUse", error.ErrorCode);
    }

    [Fact]
    public async Task CreateOrUpdateIndex_NewThenAddedField_Returns201Then200WithTheField()
    {
        // Arrange
        var client = fixture.CreateIndexClient();
        var definition = TestIndex.Definition(TestIndex.NewName());

        // Act
        var created = await client.CreateOrUpdateIndexAsync(definition);
        var current = created.Value;
        current.Fields.Add(new SimpleField("pages", SearchFieldDataType.Int32) { IsFilterable = true });
        var updated = await client.CreateOrUpdateIndexAsync(current);

        // Assert
        Assert.Equal(201, created.GetRawResponse().Status);
        Assert.Equal(200, updated.GetRawResponse().Status);
        Assert.Contains(updated.Value.Fields, f => f.Name == "pages");
    }

    [Fact]
    public async Task CreateOrUpdateIndex_ChangedFieldType_Throws400()
    {
        // Arrange
        var client = fixture.CreateIndexClient();
        var current = (await client.CreateIndexAsync(TestIndex.Definition(TestIndex.NewName()))).Value;
        var words = current.Fields.Single(f => f.Name == "words");
        current.Fields[current.Fields.IndexOf(words)] = new SimpleField("words", SearchFieldDataType.String);

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateOrUpdateIndexAsync(current));

        // Assert
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task GetIndexNames_TwoIndexes_ListsBoth()
    {
        // Arrange
        var client = fixture.CreateIndexClient();
        var first = TestIndex.NewName();
        var second = TestIndex.NewName();
        await client.CreateIndexAsync(TestIndex.Definition(first));
        await client.CreateIndexAsync(TestIndex.Definition(second));

        // Act
        var names = new List<string>();
        await foreach (var name in client.GetIndexNamesAsync())
        {
            names.Add(name);
        }

        var indexes = new List<SearchIndex>();
        await foreach (var index in client.GetIndexesAsync())
        {
            indexes.Add(index);
        }

        // Assert
        Assert.Contains(first, names);
        Assert.Contains(second, names);
        Assert.Contains(indexes, i => i.Name == first && i.Fields.Count == 11);
    }

    [Fact]
    public async Task DeleteIndex_Existing_ThenGetThrows404()
    {
        // Arrange
        var client = fixture.CreateIndexClient();
        var name = TestIndex.NewName();
        await client.CreateIndexAsync(TestIndex.Definition(name));

        // Act
        var deleted = await client.DeleteIndexAsync(name);
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetIndexAsync(name));

        // Assert
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task DeleteIndex_Missing_Answers404()
    {
        // The SDK treats 404 on delete as "already gone" and does not throw; the status is still Azure's 404.
        var response = await fixture.CreateIndexClient().DeleteIndexAsync("no-such-index");

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task CreateIndex_NoKeyField_Throws400()
    {
        var index = new SearchIndex(TestIndex.NewName(), [new SimpleField("id", SearchFieldDataType.String)]);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(index));

        Assert.Equal(400, error.Status);
        Assert.Contains("Found 0 key fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutIndex_UnknownProperty_Throws400NamingIt()
    {
        // Arrange: the typed SDK model drops unknown properties, so this one test speaks raw REST (pinned, with the key).
        // An index property the emulator does not implement is refused, never kept and ignored.
        var name = TestIndex.NewName();
        var json = "{\"name\":\"" + name + "\",\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\",\"key\":true}],\"x-archive\":{\"owner\":\"tests\",\"n\":[1,2]}}";
        using var pinned = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(fixture.CertificatePath));
        using var http = new HttpClient(SearchClientOptionsFactory.CreatePinnedHandler(pinned)) { BaseAddress = fixture.Endpoint };
        http.DefaultRequestHeaders.Add("api-key", fixture.ApiKey);

        // Act
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var put = await http.PutAsync(new Uri($"/indexes('{name}')?api-version=2023-11-01", UriKind.Relative), content);
        using var body = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().GetIndexAsync(name));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("'x-archive'", body.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, missing.Status);
    }
}
