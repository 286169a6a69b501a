using System.Net;
using System.Text;

namespace Archive.Cli.Tests;

public sealed class ArchiveApiClientTests
{
    private sealed class StubHandler(HttpStatusCode status, string body, string contentType) : HttpMessageHandler
    {
        public Uri? Requested { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });
        }
    }

    [Fact]
    public void SearchUri_ValuesWithQuotesAndAmpersands_AreEscaped()
    {
        using var http = new HttpClient();
        var client = new ArchiveApiClient(http, new Uri("http://localhost:7071"));

        var uri = client.SearchUri([new("q", "a&b"), new("author", "O'Brien"), new("author", "x y")]);

        Assert.Equal("http://localhost:7071/api/search?q=a%26b&author=O%27Brien&author=x%20y", uri.AbsoluteUri);
    }

    [Fact]
    public async Task SearchAsync_Success_ParsesCamelCasePage()
    {
        // Arrange
        const string body = """{"total":1,"page":1,"pageSize":10,"results":[{"id":"YQ","title":"T","authors":["Ann"],"highlights":[],"blobPath":"a.txt"}],"facets":{"siteName":[{"value":"Daily","count":1}]}}""";
        using var handler = new StubHandler(HttpStatusCode.OK, body, "application/json");
        using var http = new HttpClient(handler);

        // Act
        var (status, _, page) = await new ArchiveApiClient(http, new Uri("http://api.test/")).SearchAsync([new("q", "t")], default);

        // Assert
        Assert.Equal(200, status);
        Assert.NotNull(page);
        Assert.Equal("T", Assert.Single(page.Results).Title);
        Assert.Equal("Daily", Assert.Single(page.Facets.SiteName).Value);
        Assert.Equal("http://api.test/api/search?q=t", handler.Requested!.AbsoluteUri);
    }

    [Fact]
    public async Task SearchAsync_Problem_DescribesDetail()
    {
        using var handler = new StubHandler(HttpStatusCode.BadRequest, """{"title":"The request is invalid.","status":400,"detail":"'sort' must be relevance, newest or oldest."}""", "application/problem+json");
        using var http = new HttpClient(handler);

        var (status, body, page) = await new ArchiveApiClient(http, new Uri("http://api.test/")).SearchAsync([new("sort", "x")], default);

        Assert.Null(page);
        Assert.Equal("400: 'sort' must be relevance, newest or oldest.", ArchiveApiClient.Describe(status, body));
    }
}
