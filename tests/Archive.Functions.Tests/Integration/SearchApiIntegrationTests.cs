using Archive.Core.Api;
using Archive.Core.Search;
using Archive.Testing;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Functions.Tests.Integration;

/// <summary>The HTTP functions called directly over the real search emulator and Azurite.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class SearchApiIntegrationTests(AzuriteFixture azurite, SearchEmulatorFixture emulator)
{
    private static readonly ArticleDocument[] Corpus =
    [
        ApiStack.Doc("plain", d =>
        {
            d.Title = "Wind farms in the north";
            d.Body = "Offshore wind farms grew this year.";
            d.Authors = ["Ann"];
            d.SiteName = "Daily";
            d.Language = "en";
            d.Keywords = ["energy"];
            d.People = ["Bo"];
            d.Places = ["Oslo"];
            d.Organizations = ["UN"];
            d.PublishedAt = new DateTimeOffset(2023, 3, 1, 0, 0, 0, TimeSpan.Zero);
        }),
        ApiStack.Doc("quoted", d =>
        {
            d.Title = "Quotes everywhere";
            d.Body = "A story about wind and apostrophes.";
            d.Authors = ["O'Brien"];
            d.SiteName = "O'Site (main)";
            d.Language = "fr";
            d.Keywords = ["it's"];
            d.People = ["D'Arcy"];
            d.Places = ["L'Aquila"];
            d.Organizations = ["AT&T (US)"];
            d.PublishedAt = new DateTimeOffset(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);
        }),
        ApiStack.Doc("other", d =>
        {
            d.Title = "Unrelated market report";
            d.Body = "Markets closed higher on wind news.";
            d.Authors = ["Zed"];
            d.SiteName = "Weekly";
            d.Language = "de";
            d.Keywords = ["markets"];
            d.People = ["Cy"];
            d.Places = ["Bonn"];
            d.Organizations = ["ECB"];
            d.PublishedAt = new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero);
        }),
        ApiStack.Doc("copy", d =>
        {
            d.Title = "Wind farms in the north (mirror)";
            d.Body = "Offshore wind farms grew this year.";
            d.Authors = ["Ann"];
            d.DuplicateOf = "plain";
            d.PublishedAt = new DateTimeOffset(2023, 3, 2, 0, 0, 0, TimeSpan.Zero);
        }),
    ];

    private static async Task<ArticleSearchPage> SearchAsync(ApiStack stack, string query)
    {
        var result = await new SearchArticles(stack.Service, NullLogger<SearchArticles>.Instance).RunAsync(ApiMocks.Request("/api/search", query), default);
        return Assert.IsType<ArticleSearchPage>(Assert.IsType<OkObjectResult>(result).Value);
    }

    [Theory]
    [InlineData("author", "O'Brien")]
    [InlineData("site", "O'Site (main)")]
    [InlineData("language", "fr")]
    [InlineData("tag", "it's")]
    [InlineData("person", "D'Arcy")]
    [InlineData("place", "L'Aquila")]
    [InlineData("org", "AT&T (US)")]
    public async Task RunAsync_InjectionAttemptsInFilter_MatchOnlyTheLiteralValue(string parameter, string legitimate)
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator, Corpus);
        string[] attacks =
        [
            "x' or true or 'x",
            "Ann' or siteName ne 'nothing",
            "') or (duplicateOf ne null",
            "Ann or Zed",
            "*",
            "O''Brien",
        ];

        // Act + Assert: each attack is one literal value that no document has.
        foreach (var attack in attacks)
        {
            var page = await SearchAsync(stack, $"?{parameter}={Uri.EscapeDataString(attack)}&includeDuplicates=true");
            Assert.True(page.Total == 0, $"{parameter}={attack} matched {page.Total}");
        }

        var exact = await SearchAsync(stack, $"?{parameter}={Uri.EscapeDataString(legitimate)}");
        Assert.Equal(["quoted"], exact.Results.Select(r => r.Id));
    }

    [Fact]
    public async Task RunAsync_QueryWithOperatorsAndQuotes_DoesNotFailOrWiden()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator, Corpus);

        var page = await SearchAsync(stack, "?q=" + Uri.EscapeDataString("apostrophes') or (\"x"));

        Assert.True(page.Total <= 1);
    }

    [Fact]
    public async Task RunAsync_TextSearch_HidesDuplicatesReturnsFacetsAndHighlights()
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator, Corpus);

        // Act
        var page = await SearchAsync(stack, "?q=wind");

        // Assert
        Assert.Equal(3, page.Total);
        Assert.DoesNotContain(page.Results, r => r.Id == "copy");
        Assert.Contains(page.Results.Single(r => r.Id == "plain").Highlights, h => h.Contains("<em>", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(new FacetCount("Daily", 1), page.Facets.SiteName);
        Assert.Contains(new FacetCount("en", 1), page.Facets.Language);
        Assert.Equal(["2023", "2024"], page.Facets.PublishedAt.Select(f => f.Value).Order(StringComparer.Ordinal));
        Assert.Equal(2, page.Facets.PublishedAt.Single(f => f.Value == "2024").Count);
        Assert.Contains(new FacetCount("O'Brien", 1), page.Facets.Authors);
        Assert.Contains(new FacetCount("ECB", 1), page.Facets.Organizations);

        var all = await SearchAsync(stack, "?q=wind&includeDuplicates=true");
        Assert.Equal(4, all.Total);
        Assert.Equal("plain", all.Results.Single(r => r.Id == "copy").DuplicateOf);
        Assert.Null(all.Results.Single(r => r.Id == "plain").DuplicateOf);
    }

    [Fact]
    public async Task RunAsync_SortAndDateRange_OrderAndBoundCorrectly()
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator, Corpus);

        // Act
        var newest = await SearchAsync(stack, "?sort=newest");
        var oldest = await SearchAsync(stack, "?sort=oldest");
        var in2024 = await SearchAsync(stack, "?from=2024-01-01&to=2024-12-31&sort=oldest");
        var untilNoon = await SearchAsync(stack, "?from=2024-06-15&to=2024-06-15T12:00:00Z");

        // Assert
        Assert.Equal(["other", "quoted", "plain"], newest.Results.Select(r => r.Id));
        Assert.Equal(["plain", "quoted", "other"], oldest.Results.Select(r => r.Id));
        Assert.Equal(["quoted", "other"], in2024.Results.Select(r => r.Id));
        Assert.Equal(["quoted"], untilNoon.Results.Select(r => r.Id));
    }

    [Fact]
    public async Task RunAsync_Paging_ReturnsRequestedSlice()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator, Corpus);

        var second = await SearchAsync(stack, "?sort=oldest&page=2&pageSize=2");

        Assert.Equal(3, second.Total);
        Assert.Equal(2, second.Page);
        Assert.Equal(["other"], second.Results.Select(r => r.Id));
    }

    [Fact]
    public async Task Suggest_Prefix_ReturnsTitlesAndEntitiesWithoutDuplicates()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator, Corpus);

        var result = await new Suggest(stack.Service, NullLogger<Suggest>.Instance).RunAsync(ApiMocks.Request("/api/suggest", "?q=win"), default);

        var value = Assert.IsType<OkObjectResult>(result).Value!;
        var suggestions = (IReadOnlyList<ArticleSuggestion>)value.GetType().GetProperty("suggestions")!.GetValue(value)!;
        Assert.NotEmpty(suggestions);
        Assert.True(suggestions.Count <= 8);
        Assert.All(suggestions, s => Assert.NotEqual("copy", s.Id));
        Assert.Contains(suggestions, s => s.Id == "plain");
    }

    [Fact]
    public async Task GetArticle_Indexed_ReturnsFullDocumentElse404()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator, Corpus);
        var function = new GetArticle(stack.Service, NullLogger<GetArticle>.Instance);

        var found = await function.RunAsync(ApiMocks.Request("/api/articles/plain"), "plain", default);
        var missing = await function.RunAsync(ApiMocks.Request("/api/articles/nope"), "nope", default);

        Assert.Equal("Offshore wind farms grew this year.", Assert.IsType<ArticleDocument>(Assert.IsType<OkObjectResult>(found).Value).Body);
        ApiMocks.AssertProblem(missing, 404);
    }

    [Fact]
    public async Task GetArticleContent_OnlyServesBlobsOfTheArticlesContainer()
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator);
        var articles = stack.Options.ArticlesContainer;
        var secrets = "secrets-" + Guid.NewGuid().ToString("N")[..8];
        await stack.Blobs.GetBlobContainerClient(secrets).CreateAsync();
        await stack.Blobs.GetBlobContainerClient(secrets).GetBlobClient("s.txt").UploadAsync(BinaryData.FromString("secret"));
        await stack.Blobs.GetBlobContainerClient(articles).GetBlobClient("dir/a.md").UploadAsync(
            BinaryData.FromString("# original"), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown" } });
        var good = DocumentKey.For(articles, "dir/a.md");
        var outside = DocumentKey.For(secrets, "s.txt");
        var traversal = DocumentKey.For(articles, "../" + secrets + "/s.txt");
        await new ArticleStore(stack.Search).UpsertAsync(
            [
                ApiStack.Doc(good, d => { d.BlobContainer = articles; d.BlobPath = "dir/a.md"; }),
                ApiStack.Doc(outside, d => { d.BlobContainer = secrets; d.BlobPath = "s.txt"; }),
                ApiStack.Doc(traversal, d => { d.BlobContainer = articles; d.BlobPath = "../" + secrets + "/s.txt"; }),
            ],
            default);
        await emulator.WaitForRefreshAsync();
        var function = new GetArticleContent(stack.Service, NullLogger<GetArticleContent>.Instance);

        // Act
        var served = await function.RunAsync(ApiMocks.Request("/c"), good, default);
        var refusedOutside = await function.RunAsync(ApiMocks.Request("/c"), outside, default);
        var refusedTraversal = await function.RunAsync(ApiMocks.Request("/c"), traversal, default);
        var refusedMalformed = await function.RunAsync(ApiMocks.Request("/c"), "../" + secrets, default);

        // Assert
        var file = Assert.IsType<FileStreamResult>(served);
        Assert.Equal("text/markdown", file.ContentType);
        using (var reader = new StreamReader(file.FileStream))
        {
            Assert.Equal("# original", await reader.ReadToEndAsync());
        }

        ApiMocks.AssertProblem(refusedOutside, 404);
        ApiMocks.AssertProblem(refusedTraversal, 404);
        ApiMocks.AssertProblem(refusedMalformed, 400);
    }

    [Fact]
    public async Task Health_StorageAndSearchUp_Returns200()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator);
        var probe = new HealthProbe(stack.Search, stack.Blobs, Microsoft.Extensions.Options.Options.Create(stack.Options));

        var result = Assert.IsType<ObjectResult>(await new Health(probe).RunAsync(ApiMocks.Request("/api/health"), default));

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
    }
}
