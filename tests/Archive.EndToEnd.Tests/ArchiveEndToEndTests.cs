using System.Net;
using System.Text;
using System.Text.Json;
using Archive.Testing;

namespace Archive.EndToEnd.Tests;

/// <summary>
/// Upload → searchable through the real worker: every format, the search API's filters, facets, highlights and
/// paging, overwrite, delete, rejection reports and the HTTP error cases.
/// </summary>
[Collection(ArchiveStackCollection.Name)]
public sealed class ArchiveEndToEndTests(ArchiveStackFixture stack)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static TheoryData<string, string, string> Samples => new()
    {
        { "harbour-bridge-reopens.txt", "text", "Harbour bridge reopens to traffic after two-year restoration" },
        { "council-approves-budget.txt", "text", "Council approves budget with new funding for libraries" },
        { "river-festival.html", "html", "Lanterns light up the river festival" },
        { "solar-farm-approved.md", "markdown", "Regional board approves the county's largest solar farm" },
        { "library-digitises-newspapers.json", "json", "State library finishes digitising a century of local newspapers" },
        { "museum-maritime-wing.pdf", "pdf", "Museum opens new wing for maritime history" },
        { "transit-ten-year-plan.docx", "docx", "Transit authority unveils ten-year tram and night bus plan" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Upload_SampleOfEachFormat_IsSearchableAndReadable(string file, string format, string title)
    {
        // Arrange
        var name = "formats/" + file;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "samples", file));

        // Act
        await stack.UploadAsync(name, bytes);

        // Assert
        var id = ArchiveStackFixture.IdOf(name);
        var article = await stack.GetUntilFoundAsync("api/articles/" + id, Deadline);
        Assert.Equal(format, article.GetProperty("format").GetString());
        Assert.Equal(title, article.GetProperty("title").GetString());
        Assert.Equal(name, article.GetProperty("blobPath").GetString());
        Assert.False(string.IsNullOrWhiteSpace(article.GetProperty("body").GetString()));

        var word = title.Split(' ')[1];
        var found = await stack.SearchUntilAsync("q=" + Uri.EscapeDataString(word) + "&pageSize=50", r => Ids(r).Contains(id));
        Assert.Contains(id, Ids(found));

        using var content = await stack.Client.GetAsync(new Uri($"api/articles/{id}/content", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(bytes, await content.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Search_WithFilterFacetsHighlightsAndPaging_BehavesAsDocumented()
    {
        // Arrange: three articles of one site, one of another.
        var site = "Paging Gazette " + Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= 3; i++)
        {
            await stack.UploadAsync($"paging/{site}-{i}.txt", Encoding.UTF8.GetBytes(
                $"Title: Zeppelin hangar story number {i}\nAuthor: Ida Moreau\nSource: {site}\nDate: 2021-0{i}-15\n\n" +
                $"The zeppelin hangar at the old airfield opened for visitors in part {i} of this series. " +
                "Engineers restored the roof and the great doors over two summers."));
        }

        await stack.UploadAsync("paging/other.txt", Encoding.UTF8.GetBytes(
            "Title: Zeppelin models at the fair\nAuthor: Karl Baum\nSource: Other Weekly\nDate: 2020-06-01\n\nModel zeppelin builders met at the county fair."));

        // Act
        var siteQuery = "q=zeppelin&site=" + Uri.EscapeDataString(site);
        var all = await stack.SearchUntilAsync(siteQuery, r => r.GetProperty("total").GetInt64() == 3);
        var page2 = await stack.GetJsonAsync("api/search?" + siteQuery + "&pageSize=2&page=2&sort=oldest");
        var everything = await stack.SearchUntilAsync("q=zeppelin", r => r.GetProperty("total").GetInt64() >= 4);

        // Assert
        Assert.All(all.GetProperty("results").EnumerateArray(), r => Assert.Equal(site, r.GetProperty("siteName").GetString()));
        var highlights = all.GetProperty("results")[0].GetProperty("highlights").EnumerateArray().Select(h => h.GetString()).ToList();
        Assert.Contains(highlights, h => h!.Contains("<em>", StringComparison.OrdinalIgnoreCase));

        Assert.NotNull(page2);
        var second = Assert.Single(page2.Value.GetProperty("results").EnumerateArray());
        Assert.Equal(2, page2.Value.GetProperty("page").GetInt32());
        Assert.Equal("Zeppelin hangar story number 3", second.GetProperty("title").GetString());

        var siteFacet = everything.GetProperty("facets").GetProperty("siteName").EnumerateArray()
            .ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt64());
        Assert.Equal(3, siteFacet[site]);
        Assert.Equal(1, siteFacet["Other Weekly"]);
        var years = everything.GetProperty("facets").GetProperty("publishedAt").EnumerateArray().Select(f => f.GetProperty("value").GetString()).ToList();
        Assert.Contains("2021", years);
    }

    [Fact]
    public async Task Upload_Overwrite_ReplacesDocumentUnderSameKey()
    {
        // Arrange
        const string name = "changes/overwrite.txt";
        var id = ArchiveStackFixture.IdOf(name);
        await stack.UploadAsync(name, Encoding.UTF8.GetBytes("Title: First version of the quarry report\nDate: 2022-03-01\n\nThe quarry report was filed on Monday by the parish council."));
        await stack.GetUntilFoundAsync("api/articles/" + id, Deadline);

        // Act
        await stack.UploadAsync(name, Encoding.UTF8.GetBytes("Title: Second version of the quarry report\nDate: 2022-03-02\n\nThe corrected quarry report adds the noise measurements."));

        // Assert
        var updated = (JsonElement)await Poll.UntilAsync<object>(
            async () => await stack.GetJsonAsync("api/articles/" + id) is { } a && a.GetProperty("title").GetString()!.StartsWith("Second", StringComparison.Ordinal) ? a : null,
            Deadline,
            "second version\n" + stack.Host.Output);
        Assert.Contains("noise measurements", updated.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_BlobDeletedEventOnQueue_RemovesDocument()
    {
        // Arrange
        const string name = "changes/delete-me.txt";
        var id = ArchiveStackFixture.IdOf(name);
        await stack.UploadAsync(name, Encoding.UTF8.GetBytes("Title: Lighthouse keeper retires\nDate: 2019-09-09\n\nThe last lighthouse keeper of the bay retired after forty years."));
        await stack.GetUntilFoundAsync("api/articles/" + id, Deadline);

        // Act: delete the blob and deliver the BlobDeleted event as Event Grid does (plain JSON on the queue).
        await stack.Articles.GetBlobClient(name).DeleteAsync();
        var deleted = new
        {
            id = Guid.NewGuid().ToString(),
            eventType = "Microsoft.Storage.BlobDeleted",
            subject = $"/blobServices/default/containers/{ArchiveStackFixture.ArticlesContainer}/blobs/{name}",
            eventTime = DateTimeOffset.UtcNow,
            data = new { api = "DeleteBlob", blobType = "BlockBlob", url = stack.Articles.GetBlobClient(name).Uri.ToString() },
            dataVersion = "",
            metadataVersion = "1",
        };
        await stack.Deletions.SendMessageAsync(JsonSerializer.Serialize(deleted));

        // Assert
        await Poll.UntilAsync(async () => await stack.GetJsonAsync("api/articles/" + id) is null, Deadline, "document removed\n" + stack.Host.Output);
    }

    [Theory]
    [InlineData("rejects/truncated.pdf", "malformed")]
    [InlineData("rejects/archive.zip", "unsupported_format")]
    [InlineData("rejects/empty.txt", "empty")]
    public async Task Upload_BadFile_WritesRejectionReportAndKeepsOriginal(string name, string code)
    {
        // Arrange
        byte[] content = code switch
        {
            "malformed" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa"),
            "unsupported_format" => ZipWithTextFile(),
            _ => [],
        };

        // Act
        await stack.UploadAsync(name, content);

        // Assert
        var report = stack.Rejected.GetBlobClient(name + ".error.json");
        await Poll.UntilAsync(async () => (bool)await report.ExistsAsync(), Deadline, $"rejection report for {name}\n{stack.Host.Output}");
        using var json = JsonDocument.Parse((await report.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("message").GetString()));
        Assert.Equal(content, (await stack.Articles.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray());
        Assert.Null(await stack.GetJsonAsync("api/articles/" + ArchiveStackFixture.IdOf(name)));
    }

    [Theory]
    [InlineData("api/search?pageSize=1000", 400)]
    [InlineData("api/search?sort=sideways", 400)]
    [InlineData("api/search?from=2024-05-01&to=2023-01-01", 400)]
    [InlineData("api/search?from=yesterday", 400)]
    [InlineData("api/suggest", 400)]
    [InlineData("api/articles/bm8tc3VjaC1hcnRpY2xl", 404)]
    [InlineData("api/articles/bm8tc3VjaC1hcnRpY2xl/content", 404)]
    [InlineData("api/no-such-route", 404)]
    public async Task Get_InvalidRequest_ReturnsProblem(string relative, int status)
    {
        using var response = await stack.Client.GetAsync(new Uri(relative, UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        if (relative != "api/no-such-route")
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task Health_StackUp_ReportsStorageAndSearchOk()
    {
        var health = await stack.GetJsonAsync("api/health");

        Assert.NotNull(health);
        Assert.True(health.Value.GetProperty("storage").GetProperty("ok").GetBoolean());
        Assert.True(health.Value.GetProperty("search").GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task SearchPage_Served_IsHtml()
    {
        using var response = await stack.Client.GetAsync(new Uri("api/ui", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Archive search</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A well-formed zip that is not a DOCX: a format the archive does not take.</summary>
    private static byte[] ZipWithTextFile()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes/readme.txt").Open());
            writer.Write("Packing list for the exhibition crates.");
        }

        return buffer.ToArray();
    }

    private static List<string> Ids(JsonElement searchResult) =>
        [.. searchResult.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
}
