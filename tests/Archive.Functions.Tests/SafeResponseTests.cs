using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Archive.Core.Search;
using Archive.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Archive.Functions.Tests;

/// <summary>
/// Safe content on the app's origin: an uploaded HTML article is a sandboxed download, the page's policy is a header
/// with script hashes, JSON answers say nosniff, documents carry an ETag.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SafeResponseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Hostile = "<html><script>fetch('/api/manage/reconcile',{method:'POST'})</script>original</html>";
    private readonly string articles = "articles-" + Guid.NewGuid().ToString("N")[..8];
    private BlobServiceClient service = null!;
    private ApiMocks mocks = null!;

    public async Task InitializeAsync()
    {
        service = azurite.CreateBlobServiceClient();
        await service.GetBlobContainerClient(articles).CreateAsync();
        await service.GetBlobContainerClient(articles).GetBlobClient("dir/evil.html").UploadAsync(
            BinaryData.FromString(Hostile), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html" } });
        mocks = new ApiMocks(service, articles);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs the result as ASP.NET Core would write it to the wire.</summary>
    private static async Task<HttpContext> ExecuteAsync(Func<HttpRequest, Task<IActionResult>> run, Action<HttpRequest>? configure = null)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider(),
        };
        context.Response.Body = new MemoryStream();
        configure?.Invoke(context.Request);
        var result = await run(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return context;
    }

    [Fact]
    public async Task Content_UploadedHtml_IsASandboxedAttachmentThatIsNeverSniffed()
    {
        // Arrange
        var id = DocumentKey.For(articles, "dir/evil.html");
        mocks.Documents[id] = new ArticleDocument { Id = id, BlobContainer = articles, BlobPath = "dir/evil.html" };
        var etag = (await service.GetBlobContainerClient(articles).GetBlobClient("dir/evil.html").GetPropertiesAsync()).Value.ETag.ToString("H");

        // Act
        var context = await ExecuteAsync(r => new GetArticleContent(mocks.Service, NullLogger<GetArticleContent>.Instance).RunAsync(r, id, default));

        // Assert
        var headers = context.Response.Headers;
        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("attachment", headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Contains("evil.html", headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("sandbox", headers.ContentSecurityPolicy.ToString());
        Assert.Equal(etag, headers.ETag.ToString());
        Assert.Equal(Hostile, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Fact]
    public async Task Content_IfNoneMatchTheBlobETag_Answers304()
    {
        // Arrange
        var id = DocumentKey.For(articles, "dir/evil.html");
        mocks.Documents[id] = new ArticleDocument { Id = id, BlobContainer = articles, BlobPath = "dir/evil.html" };
        var etag = (await service.GetBlobContainerClient(articles).GetBlobClient("dir/evil.html").GetPropertiesAsync()).Value.ETag.ToString("H");

        // Act
        var context = await ExecuteAsync(
            r => new GetArticleContent(mocks.Service, NullLogger<GetArticleContent>.Instance).RunAsync(r, id, default),
            r => r.Headers.IfNoneMatch = etag);

        // Assert
        Assert.Equal(304, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Body.Length);
    }

    [Fact]
    public async Task Article_SecondRequestWithItsETag_Answers304AndAChangedDocumentDoesNot()
    {
        // Arrange
        mocks.Documents["YQ"] = new ArticleDocument { Id = "YQ", Title = "A", Body = "full body" };
        var first = await ExecuteAsync(r => new GetArticle(mocks.Service, NullLogger<GetArticle>.Instance).RunAsync(r, "YQ", default));
        var etag = first.Response.Headers.ETag.ToString();

        // Act
        var again = await ExecuteAsync(r => new GetArticle(mocks.Service, NullLogger<GetArticle>.Instance).RunAsync(r, "YQ", default), r => r.Headers.IfNoneMatch = etag);
        mocks.Documents["YQ"].DuplicateOf = "Yg";
        var changed = await ExecuteAsync(r => new GetArticle(mocks.Service, NullLogger<GetArticle>.Instance).RunAsync(r, "YQ", default), r => r.Headers.IfNoneMatch = etag);

        // Assert
        Assert.Equal(200, first.Response.StatusCode);
        Assert.StartsWith("\"", etag, StringComparison.Ordinal);
        Assert.Equal("private, no-cache", first.Response.Headers.CacheControl.ToString());
        Assert.Equal(304, again.Response.StatusCode);
        Assert.Equal(200, changed.Response.StatusCode);
        Assert.NotEqual(etag, changed.Response.Headers.ETag.ToString());
    }

    [Fact]
    public void SearchPage_PolicyHeader_AllowsExactlyThePageScriptsByHashAndNoFraming()
    {
        // Arrange
        var context = new DefaultHttpContext();

        // Act
        var html = Assert.IsType<ContentResult>(new SearchPage().Run(context.Request)).Content!;
        var policy = context.Response.Headers.ContentSecurityPolicy.ToString();

        // Assert: the meta policy is gone, the header holds the hash of every inline script (CSP level 2 hash source).
        Assert.DoesNotContain("http-equiv=\"Content-Security-Policy\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        var scripts = Script().Matches(html);
        Assert.NotEmpty(scripts);
        foreach (Match script in scripts)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.Groups[1].Value)));
            Assert.Contains($"'sha256-{hash}'", policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PolicyFor_ChangedScript_ChangesTheHash()
    {
        var one = SearchPage.PolicyFor("<script>a()</script>");
        var two = SearchPage.PolicyFor("<script>b()</script>");

        Assert.NotEqual(one, two);
        Assert.Contains("script-src 'sha256-", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Middleware_EveryHttpInvocation_SaysNosniff()
    {
        // Arrange: the ASP.NET Core integration keeps the request's HttpContext in the invocation's items.
        var http = new DefaultHttpContext();
        var function = Substitute.For<FunctionContext>();
        function.Items.Returns(new Dictionary<object, object> { ["HttpRequestContext"] = http });
        var called = false;

        // Act
        await new SecurityHeaders().Invoke(function, _ =>
        {
            called = true;
            return Task.CompletedTask;
        });

        // Assert
        Assert.True(called);
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
    }

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Script();
}
