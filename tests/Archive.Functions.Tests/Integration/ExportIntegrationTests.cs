using System.Globalization;
using System.Text;
using System.Text.Json;
using Archive.Core.Api;
using Archive.Core.Search;
using Archive.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Functions.Tests.Integration;

/// <summary><c>GET /api/export</c> over the real emulator: every match exactly once, in order, past 10,000.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class ExportIntegrationTests(AzuriteFixture azurite, SearchEmulatorFixture emulator)
{
    private const int Dated = 10_400;
    private const int Undated = 1_250;
    private const int Copies = 300;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ApiStack? large;

    /// <summary>
    /// 10,400 dated originals on only 7 distinct instants (so whole pages share one publishedAt: the keyset must break
    /// ties by id), 1,250 without a date (more than a page), 300 duplicates that a default export leaves out.
    /// </summary>
    private async Task<ApiStack> LargeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (large is null)
            {
                var stack = await ApiStack.StartAsync(azurite, emulator);
                var store = new ArticleStore(stack.Search);
                var instants = Enumerable.Range(0, 7).Select(i => new DateTimeOffset(2024, 3, 1 + i, 10, 0, 0, TimeSpan.Zero).AddMilliseconds(i * 7)).ToArray();
                var documents = new List<ArticleDocument>();
                for (var i = 0; i < Dated; i++)
                {
                    // Ids in an order unrelated to the dates.
                    var id = "d" + ((i * 7919) % 100_000).ToString("D6", CultureInfo.InvariantCulture);
                    documents.Add(ApiStack.Doc(id, d => d.PublishedAt = instants[i % instants.Length]));
                }

                for (var i = 0; i < Undated; i++)
                {
                    documents.Add(ApiStack.Doc("u" + i.ToString("D5", CultureInfo.InvariantCulture)));
                }

                for (var i = 0; i < Copies; i++)
                {
                    documents.Add(ApiStack.Doc("c" + i.ToString("D4", CultureInfo.InvariantCulture), d =>
                    {
                        d.PublishedAt = instants[0];
                        d.DuplicateOf = documents[0].Id;
                    }));
                }

                foreach (var chunk in documents.Chunk(1000))
                {
                    await store.UpsertAsync(chunk, default);
                }

                await stack.SettleAsync();
                large = stack;
            }

            return large;
        }
        finally
        {
            Gate.Release();
        }
    }

    internal static async Task<(int Status, IHeaderDictionary Headers, string Body)> ExportAsync(ApiStack stack, string query)
    {
        var request = ApiMocks.Request("/api/export", query);
        var result = await new ExportArticles(new ArticleExporter(stack.Search), NullLogger<ExportArticles>.Instance).RunAsync(request, default);
        using var body = new MemoryStream();
        request.HttpContext.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        var status = result is ObjectResult o ? o.StatusCode ?? 200 : request.HttpContext.Response.StatusCode;
        return (status, request.HttpContext.Response.Headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static async Task<long> SearchTotalAsync(ApiStack stack, string query)
    {
        var result = await new SearchArticles(stack.Service, NullLogger<SearchArticles>.Instance).RunAsync(ApiMocks.Request("/api/search", query), default);
        return Assert.IsType<ArticleSearchPage>(Assert.IsType<OkObjectResult>(result).Value).Total;
    }

    [Fact]
    public async Task Export_MoreThan10000Matches_YieldsEveryIdOnceInOrderAndTheSearchTotal()
    {
        // Arrange
        var stack = await LargeAsync();

        // Act
        var (status, headers, body) = await ExportAsync(stack, "?format=jsonl&fields=id,publishedAt");

        // Assert
        Assert.Equal(200, status);
        var rows = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var ids = rows.Select(r => r.GetProperty("id").GetString()!).ToList();
        var total = await SearchTotalAsync(stack, "");
        Assert.Equal(Dated + Undated, total);
        Assert.Equal(total, ids.Count);
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), headers["X-Total-Count"].ToString());
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(ids, id => id.StartsWith('c'));

        // publishedAt then id, undated last.
        var keys = rows.Select(r => (Date: r.GetProperty("publishedAt").ValueKind == JsonValueKind.Null ? null : r.GetProperty("publishedAt").GetString(), Id: r.GetProperty("id").GetString()!)).ToList();
        var expected = keys.OrderBy(k => k.Date is null).ThenBy(k => k.Date, StringComparer.Ordinal).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, keys);
        Assert.Equal(Undated, keys.Count(k => k.Date is null));
    }

    [Fact]
    public async Task Export_CsvWithDuplicatesAndAFilter_MatchesTheSearchTotal()
    {
        // Arrange
        var stack = await LargeAsync();
        const string Filter = "?includeDuplicates=true&from=2024-03-01&to=2024-03-03";

        // Act
        var (status, headers, body) = await ExportAsync(stack, Filter + "&fields=id");

        // Assert
        Assert.Equal(200, status);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id", lines[0]);
        var total = await SearchTotalAsync(stack, Filter);
        Assert.True(total > 4000, $"{total}");
        Assert.Equal(total, lines.Length - 1);
        Assert.Equal(lines.Length - 1, lines.Skip(1).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("c0000", lines);
        Assert.Equal("attachment; filename=\"archive-export.csv\"", headers.ContentDisposition.ToString());
        Assert.StartsWith("text/csv", headers.ContentType.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_HostileCells_AreQuotedAndNeutralised()
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator,
            ApiStack.Doc("a1", d =>
            {
                d.Title = "=HYPERLINK(\"http://x\",\"click\")";
                d.Authors = ["+Ann", "Bo, \"the\" Great"];
                d.SiteName = "-2+3";
                d.Summary = "@SUM(A1)\r\nline two";
                d.PublishedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
            }));

        // Act
        var (_, _, csv) = await ExportAsync(stack, "?fields=title,authors,siteName,summary,publishedAt");
        var (_, _, jsonl) = await ExportAsync(stack, "?format=jsonl&fields=title,authors");

        // Assert: RFC 4180 quoting, formula leads prefixed with an apostrophe; JSON keeps the values as they are.
        Assert.Equal(
            "title,authors,siteName,summary,publishedAt\r\n" +
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",\"'+Ann; Bo, \"\"the\"\" Great\",'-2+3,\"'@SUM(A1)\r\nline two\",2024-01-02T03:04:05Z\r\n",
            csv);
        using var row = JsonDocument.Parse(jsonl);
        Assert.Equal("=HYPERLINK(\"http://x\",\"click\")", row.RootElement.GetProperty("title").GetString());
        Assert.Equal(["+Ann", "Bo, \"the\" Great"], row.RootElement.GetProperty("authors").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("?format=xml", "format")]
    [InlineData("?fields=id,secret", "fields")]
    [InlineData("?sort=newest", "sort")]
    [InlineData("?page=2", "page")]
    [InlineData("?from=nope", "from")]
    public async Task Export_InvalidParameter_Returns400NamingIt(string query, string parameter)
    {
        var stack = await ApiStack.StartAsync(azurite, emulator);
        var request = ApiMocks.Request("/api/export", query);

        var result = await new ExportArticles(new ArticleExporter(stack.Search), NullLogger<ExportArticles>.Instance).RunAsync(request, default);

        var problem = Assert.IsType<HttpValidationProblemDetails>(ApiMocks.AssertProblem(result, 400));
        Assert.True(problem.Errors.ContainsKey(parameter), string.Join(",", problem.Errors.Keys));
    }
}
