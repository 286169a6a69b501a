using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Core.Search;
using Archive.Testing;
using Azure;
using Azure.Search.Documents;
using Microsoft.Playwright;
using static Archive.Web.Tests.SearchPageArticles;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests;

/// <summary>The page's timeline chart (mouse and keyboard, table fallback), the feed link and the Coverage view.</summary>
[Collection(SearchPageCollection.Name)]
public sealed class ResearchViewsTests(SearchPageFixture fixture) : IAsyncLifetime
{
    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(20_000);
        (context, page) = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private ILocator Bars => page.Locator("#timeline svg rect.bar");

    private ILocator Total => page.Locator("#total");

    [Fact]
    public async Task Timeline_KeyboardOnly_SelectsOneYearThenARangeOfYears()
    {
        // Arrange: the five lighthouse originals are from 2020 (hostile), 2021, 2022, 2023 and 2024: one bar per year.
        await page.GotoAsync($"{fixture.PageAddress}?q={Word}");
        await Expect(Bars).ToHaveCountAsync(5);
        await Expect(Bars.Nth(1)).ToHaveAttributeAsync("aria-label", "2021: 1 article");

        // Act: focus the chart by Tab from the export link, move right, Enter.
        await page.Locator("#export-link").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(Bars.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(Bars.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex(@"from=2021-01-01&to=2021-12-31"));
        await Expect(Total).ToHaveTextAsync("1 article");
        await Expect(page.Locator("#chips")).ToContainTextAsync("From: 2021-01-01");

        // Act: back to every year; Shift+ArrowRight twice from 2021 marks 2021-2023, Enter applies the range.
        await page.GoBackAsync();
        await Expect(Bars).ToHaveCountAsync(5);
        await Bars.Nth(1).FocusAsync();
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        await Expect(page.Locator("#timeline svg rect.bar.sel")).ToHaveCountAsync(3);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"from=2021-01-01&to=2023-12-31"));
        await Expect(Total).ToHaveTextAsync("3 articles");
    }

    [Fact]
    public async Task Timeline_MouseAndTableFallback_SetFromAndTo()
    {
        // Arrange
        await page.GotoAsync($"{fixture.PageAddress}?q={Word}");
        await Expect(Bars).ToHaveCountAsync(5);

        // Act: drag from the 2022 bar to the 2024 bar.
        await Bars.Nth(2).HoverAsync();
        await page.Mouse.DownAsync();
        await Bars.Nth(4).HoverAsync();
        await page.Mouse.UpAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex(@"from=2022-01-01&to=2024-12-31"));
        await Expect(Total).ToHaveTextAsync("3 articles");

        // The table lists the same periods (now months of the range) and each row can be shown.
        await page.GotoAsync($"{fixture.PageAddress}?q={Word}");
        var table = page.Locator("#timeline details");
        await table.Locator("summary").ClickAsync();
        await Expect(table.Locator("tr")).ToHaveCountAsync(6);
        await Expect(table.Locator("tr").Nth(4)).ToContainTextAsync("2023");
        await table.Locator("tr").Nth(4).GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"from=2023-01-01&to=2023-12-31"));
        await Expect(page.Locator("#results article.result h3")).ToHaveTextAsync(GullRock.Title);
    }

    [Fact]
    public async Task SubscribeLink_PointsAtTheFeedOfTheCurrentSearch_WhichServesAtom()
    {
        // Arrange
        await page.GotoAsync($"{fixture.PageAddress}?q={Word}&site=Coastal+Courier&sort=oldest");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Subscribe to this search" });

        // Assert: the filters without sort or paging; the feed answers with both articles.
        await Expect(link).ToHaveAttributeAsync("href", "/api/feed?q=lighthouse&site=Coastal+Courier");
        var response = await page.APIRequest.GetAsync(new Uri(fixture.PageAddress, await link.GetAttributeAsync("href")).ToString());
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/atom+xml", response.Headers["content-type"], StringComparison.Ordinal);
        var body = await response.TextAsync();
        Assert.Equal(2, Regex.Matches(body, "<entry>").Count);
        Assert.Contains(Lens.Title, body, StringComparison.Ordinal);
        var export = page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" });
        await Expect(export).ToHaveAttributeAsync("href", "/api/export?q=lighthouse&site=Coastal+Courier");

        // Through the dev host's real HTTP pipeline: the streamed CSV, its header line and both rows, oldest first.
        var csv = await page.APIRequest.GetAsync(new Uri(fixture.PageAddress, await export.GetAttributeAsync("href") + "&fields=id,title").ToString());
        Assert.Equal(200, csv.Status);
        Assert.Equal("2", csv.Headers["x-total-count"]);
        Assert.Equal($"id,title\r\n{GullRock.Id},{GullRock.Title}\r\n{Lens.Id},{Lens.Title}\r\n", await csv.TextAsync());
    }

    [Fact]
    public async Task Coverage_View_ShowsPerDayChartAndSiteTableWithEmptyDaysMarked_AndAKeyboardPathToADay()
    {
        // Arrange: one article published today (UTC); every other article is years old.
        var today = DateTimeOffset.UtcNow.Date;
        var probe = new ArticleDocument
        {
            Id = ArchiveStackFixture.IdOf("coverage/probe.txt"),
            BlobContainer = ArchiveStackFixture.ArticlesContainer,
            BlobPath = "coverage/probe.txt",
            IngestedAt = DateTimeOffset.UtcNow,
            ContentHash = "coverage-probe",
            Title = "Beacon log for today",
            Body = "beacon",
            SiteName = "Beacon Desk",
            Language = "en",
            PublishedAt = new DateTimeOffset(today, TimeSpan.Zero).AddHours(1),
        };
        var client = Client();
        await client.MergeOrUploadDocumentsAsync([probe]);
        try
        {
            await fixture.Stack.SearchUntilAsync("q=beacon", r => r.GetProperty("total").GetInt64() == 1);
            await page.GotoAsync($"{fixture.PageAddress}?q={Word}");

            // Act
            await page.GetByRole(AriaRole.Link, new() { Name = "Coverage" }).ClickAsync();

            // Assert
            await Expect(page.Locator("#coverage-title")).ToHaveTextAsync("Coverage");
            await Expect(page).ToHaveURLAsync(new Regex(@"\?view=coverage$"));
            await Expect(page.Locator("#coverage-totals")).ToContainTextAsync("rejected");
            var days = page.Locator(".coverage svg rect.bar");
            await Expect(days).ToHaveCountAsync(30);
            await Expect(page.Locator(".coverage svg rect.bar.gap")).ToHaveCountAsync(29);
            var todayLabel = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await Expect(days.Last).ToHaveAttributeAsync("aria-label", todayLabel + ": 1 article");
            var beacon = page.Locator("#coverage-sites tr", new() { HasText = "Beacon Desk" });
            await Expect(beacon.Locator("td.zero")).ToHaveCountAsync(29);
            await Expect(beacon.Locator("td").Last).ToHaveTextAsync("1");
            await Expect(page.Locator("#coverage-sites tr", new() { HasText = "Coastal Courier" }).Locator("td.zero")).ToHaveCountAsync(30);

            // Keyboard: the first day bar takes focus, End jumps to today, Enter searches that day.
            await days.First.FocusAsync();
            await page.Keyboard.PressAsync("End");
            await Expect(days.Last).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex($@"from={todayLabel}&to={todayLabel}"));
            await Expect(page.Locator("#results article.result h3")).ToHaveTextAsync(probe.Title);
        }
        finally
        {
            await client.DeleteDocumentsAsync("id", [probe.Id]);
        }
    }

    private SearchClient Client()
    {
        var options = SearchClientOptionsFactory.Create(fixture.Stack.Search.CertificatePath);
        options.Serializer = ArticleIndex.Serializer;
        return new SearchClient(fixture.Stack.Search.Endpoint, ArchiveStackFixture.IndexName, new AzureKeyCredential(fixture.Stack.Search.ApiKey), options);
    }
}
