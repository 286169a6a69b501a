using Archive.Core.Search;
using Archive.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class GetArticleContentTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string articles = "articles-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string secrets = "secrets-" + Guid.NewGuid().ToString("N")[..8];
    private BlobServiceClient service = null!;
    private ApiMocks mocks = null!;

    public async Task InitializeAsync()
    {
        service = azurite.CreateBlobServiceClient();
        await service.GetBlobContainerClient(articles).CreateAsync();
        await service.GetBlobContainerClient(secrets).CreateAsync();
        await service.GetBlobContainerClient(articles).GetBlobClient("dir/a.html").UploadAsync(
            BinaryData.FromString("<html>original</html>"), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html" } });
        await service.GetBlobContainerClient(secrets).GetBlobClient("dir/a.html").UploadAsync(BinaryData.FromString("secret"));
        mocks = new ApiMocks(service, articles);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IActionResult> GetAsync(string id) =>
        new GetArticleContent(mocks.Service, NullLogger<GetArticleContent>.Instance).RunAsync(ApiMocks.Request("/api/articles/" + id + "/content"), id, default);

    [Fact]
    public async Task RunAsync_IndexedArticle_StreamsOriginalWithContentType()
    {
        // Arrange
        var id = DocumentKey.For(articles, "dir/a.html");
        mocks.Documents[id] = new ArticleDocument { Id = id, BlobContainer = articles, BlobPath = "dir/a.html" };

        // Act
        var result = await GetAsync(id);

        // Assert
        var file = Assert.IsType<FileStreamResult>(result);
        Assert.Equal("text/html", file.ContentType);
        using var reader = new StreamReader(file.FileStream);
        Assert.Equal("<html>original</html>", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task RunAsync_DocumentPointingAtAnotherContainer_Returns404()
    {
        // Arrange: a document (however it got there) naming a blob outside the articles container.
        var id = DocumentKey.For(secrets, "dir/a.html");
        mocks.Documents[id] = new ArticleDocument { Id = id, BlobContainer = secrets, BlobPath = "dir/a.html" };

        // Act
        var result = await GetAsync(id);

        // Assert
        ApiMocks.AssertProblem(result, 404);
    }

    [Fact]
    public async Task RunAsync_DocumentWhosePathDoesNotMatchItsKey_Returns404()
    {
        // Arrange: the key says articles/dir/a.html but the stored path tries to climb out.
        var id = DocumentKey.For(articles, "dir/a.html");
        mocks.Documents[id] = new ArticleDocument { Id = id, BlobContainer = articles, BlobPath = "../" + secrets + "/dir/a.html" };

        // Act
        var result = await GetAsync(id);

        // Assert
        ApiMocks.AssertProblem(result, 404);
    }

    [Theory]
    [InlineData("../{0}/dir/a.html")]
    [InlineData("x/../../{0}/dir/a.html")]
    [InlineData("./../{0}/dir/a.html")]
    public async Task RunAsync_DotSegmentPathWithMatchingKey_Returns404WithoutReadingOtherContainer(string pathTemplate)
    {
        // Arrange: the key matches the stored path, but the path would resolve into another container.
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pathTemplate, secrets);
        var id = DocumentKey.For(articles, path);
        mocks.Documents[id] = new ArticleDocument { Id = id, BlobContainer = articles, BlobPath = path };

        // Act
        var result = await GetAsync(id);

        // Assert
        ApiMocks.AssertProblem(result, 404);
    }

    [Theory]
    [InlineData("..%2Fsecrets")]
    [InlineData("_x")]
    [InlineData("a/b")]
    public async Task RunAsync_MalformedId_Returns400(string id)
    {
        var result = await GetAsync(id);

        ApiMocks.AssertProblem(result, 400);
    }

    [Fact]
    public async Task RunAsync_BlobDeletedSinceIndexing_Returns404()
    {
        var id = DocumentKey.For(articles, "gone.html");
        mocks.Documents[id] = new ArticleDocument { Id = id, BlobContainer = articles, BlobPath = "gone.html" };

        var result = await GetAsync(id);

        ApiMocks.AssertProblem(result, 404);
    }
}
