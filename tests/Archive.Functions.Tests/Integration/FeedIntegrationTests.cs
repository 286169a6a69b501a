using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Archive.Core.Api;
using Archive.Core.Search;
using Archive.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Functions.Tests.Integration;

/// <summary><c>GET /api/feed</c>: an Atom 1.0 feed a parser accepts, with conditional requests.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class FeedIntegrationTests(AzuriteFixture azurite, SearchEmulatorFixture emulator)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static ArticleDocument[] Corpus() =>
    [
        .. Enumerable.Range(0, 60).Select(i => ApiStack.Doc("w" + i.ToString("D2", CultureInfo.InvariantCulture), d =>
        {
            d.Title = "Wind report " + i.ToString(CultureInfo.InvariantCulture);
            d.Body = "wind";
            d.Authors = i % 2 == 0 ? ["Ann Lee"] : [];
            d.SiteName = "Daily";
            d.Summary = i % 3 == 0 ? "Summary \u0001with a control character & <tags>" : null;
            d.Url = i == 59 ? "https://news.example/wind" : "javascript:alert(1)";
            d.PublishedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i / 2);
            d.IngestedAt = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i);
        })),
        ApiStack.Doc("other", d => { d.Title = "Markets"; d.Body = "markets"; d.PublishedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero); }),
    ];

    private static async Task<(IActionResult Result, HttpRequest Request)> RunAsync(ApiStack stack, string query, Action<HttpRequest>? configure = null)
    {
        var request = ApiMocks.Request("/api/feed", query);
        request.Scheme = "https";
        request.Host = new HostString("archive.example");
        configure?.Invoke(request);
        return (await new Feed(new ArticleFeedService(stack.Search), NullLogger<Feed>.Instance).RunAsync(request, default), request);
    }

    [Fact]
    public async Task Feed_Search_IsAtomWithTheNewest50EntriesThatAParserReads()
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator, Corpus());

        // Act
        var (result, request) = await RunAsync(stack, "?q=wind&site=Daily");

        // Assert: System.ServiceModel.Syndication's Atom 1.0 reader accepts it.
        var content = Assert.IsType<ContentResult>(result);
        Assert.StartsWith("application/atom+xml", content.ContentType, StringComparison.Ordinal);
        using var reader = XmlReader.Create(new StringReader(content.Content!));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal("https://archive.example/api/feed?q=wind&site=Daily", feed.Id);
        Assert.Contains("wind", feed.Title.Text, StringComparison.Ordinal);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == "https://archive.example/api/feed?q=wind&site=Daily");
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == "https://archive.example/api/ui?q=wind&site=Daily");
        var items = feed.Items.ToList();
        Assert.Equal(ArticleFeedService.Size, items.Count);

        // Newest first, ties (two per day) by id; the 10 oldest are left out.
        var expected = Corpus().Where(d => d.Id != "other").OrderByDescending(d => d.PublishedAt).ThenBy(d => d.Id, StringComparer.Ordinal).Take(50).ToList();
        Assert.Equal(expected.Select(d => "https://archive.example/api/ui?article=" + d.Id), items.Select(i => i.Id));
        Assert.Equal(expected.Select(d => d.Title), items.Select(i => i.Title.Text));
        Assert.Equal(expected.Select(d => d.PublishedAt!.Value), items.Select(i => i.PublishDate));
        Assert.Equal(expected.Select(d => d.IngestedAt), items.Select(i => i.LastUpdatedTime));
        Assert.Equal(expected.Max(d => d.IngestedAt), feed.LastUpdatedTime);
        Assert.All(items, i => Assert.Contains(i.Links, l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == i.Id));
        Assert.Equal(["Ann Lee"], items.First(i => i.Id.EndsWith("w58", StringComparison.Ordinal)).Authors.Select(a => a.Name));
        var w59 = items.First(i => i.Id.EndsWith("w59", StringComparison.Ordinal));
        Assert.Contains(w59.Links, l => l.RelationshipType == "via" && l.Uri.AbsoluteUri == "https://news.example/wind");
        Assert.DoesNotContain(items.SelectMany(i => i.Links), l => l.Uri.Scheme == "javascript");
        Assert.Equal("Summary with a control character & <tags>", items.First(i => i.Id.EndsWith("w57", StringComparison.Ordinal)).Summary.Text);

        // RFC 4287 §4.1.1: an author for the feed (entries without one inherit it); every entry has id, title, updated.
        var xml = XDocument.Parse(content.Content!);
        Assert.NotNull(xml.Root!.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.All(xml.Root.Elements(Atom + "entry"), e => Assert.All(new[] { "id", "title", "updated" }, n => Assert.Single(e.Elements(Atom + n))));
        Assert.False(string.IsNullOrEmpty(request.HttpContext.Response.Headers.ETag));
        Assert.Equal("Sun, 01 Feb 2026 00:59:00 GMT", request.HttpContext.Response.Headers.LastModified.ToString());
    }

    [Fact]
    public async Task Feed_SecondRequestWithTheETag_Is304UntilAMatchChanges()
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator, Corpus());
        var (_, first) = await RunAsync(stack, "?q=wind");
        var etag = first.HttpContext.Response.Headers.ETag.ToString();

        // Act
        var (again, againRequest) = await RunAsync(stack, "?q=wind", r => r.Headers.IfNoneMatch = etag);
        var (sinceResult, _) = await RunAsync(stack, "?q=wind", r => r.Headers.IfModifiedSince = first.HttpContext.Response.Headers.LastModified);
        var (otherQuery, _) = await RunAsync(stack, "?q=markets", r => r.Headers.IfNoneMatch = etag);
        await new ArticleStore(stack.Search).UpsertAsync([Corpus()[59].With(d => { d.IngestedAt = d.IngestedAt.AddDays(1); d.BlobETag = "v2"; })], default);
        await stack.SettleAsync();
        var (changed, changedRequest) = await RunAsync(stack, "?q=wind", r => r.Headers.IfNoneMatch = etag);

        // Assert
        Assert.Equal(304, Assert.IsType<StatusCodeResult>(again).StatusCode);
        Assert.Equal(etag, againRequest.HttpContext.Response.Headers.ETag.ToString());
        Assert.Equal(304, Assert.IsType<StatusCodeResult>(sinceResult).StatusCode);
        Assert.IsType<ContentResult>(otherQuery);
        Assert.IsType<ContentResult>(changed);
        Assert.NotEqual(etag, changedRequest.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Feed_InvalidParameter_Returns400()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator);

        var (result, _) = await RunAsync(stack, "?from=soon");

        var problem = Assert.IsType<HttpValidationProblemDetails>(ApiMocks.AssertProblem(result, 400));
        Assert.True(problem.Errors.ContainsKey("from"));
    }
}

internal static class ArticleDocumentExtensions
{
    public static ArticleDocument With(this ArticleDocument document, Action<ArticleDocument> change)
    {
        change(document);
        return document;
    }
}
