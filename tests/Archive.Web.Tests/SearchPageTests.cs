using System.Text.RegularExpressions;
using Archive.Testing;
using Microsoft.Playwright;
using static Archive.Web.Tests.SearchPageArticles;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests;

/// <summary>
/// The search page (<c>/api/ui</c>) in headless Chromium against the real stack: search, suggestions, facets, the URL
/// as state, the article view, safe rendering of hostile values, and what the page says when things go wrong.
/// Every wait is one of Playwright's auto-waiting expectations; nothing sleeps.
/// </summary>
[Collection(SearchPageCollection.Name)]
public sealed class SearchPageTests(SearchPageFixture fixture) : IAsyncLifetime
{
    private const int Originals = 5;

    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        // The machine is small and shared: give the stack time, but each expectation still waits for its condition.
        SetDefaultExpectTimeout(20_000);
        (context, page) = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private ILocator Results => page.Locator("#results article.result");

    private ILocator Total => page.Locator("#total");

    [Fact]
    public async Task Search_TypeQueryAndPressEnter_ShowsResultsWithMarkedHitsAndTotal()
    {
        // Arrange
        await page.GotoAsync(fixture.PageAddress.ToString());

        // Act
        await page.Locator("#q").FillAsync(Word);
        await page.Locator("#q").PressAsync("Enter");

        // Assert
        await Expect(Total).ToHaveTextAsync($"{Originals} articles");
        await Expect(Results).ToHaveCountAsync(Originals);
        await Expect(page.Locator("#suggestions")).ToBeHiddenAsync();
        await Expect(Results.Locator(".snippet mark").First).ToHaveTextAsync(Word, new() { IgnoreCase = true });
        var gullRock = Results.Filter(new LocatorFilterOptions { HasText = GullRock.Title });
        await Expect(gullRock.Locator(".meta").First).ToHaveTextAsync("Coastal Courier · Maren Holt · 2023-04-12 · en");
        await Expect(gullRock.GetByRole(AriaRole.Link, new() { Name = "Original file" }))
            .ToHaveAttributeAsync("href", $"/api/articles/{GullRock.Id}/content");
        await Expect(page).ToHaveURLAsync(new Regex(@"\?q=lighthouse$"));

        await Expect(page.Locator("#facets button[data-facet=siteName]").First).ToBeVisibleAsync();
        await SaveScreenshotAsync();
    }

    [Fact]
    public async Task Suggestions_TypeThenArrowDownAndEnter_SearchesThePickedSuggestion()
    {
        // Arrange
        await page.GotoAsync(fixture.PageAddress.ToString());

        // Act: type (debounced suggestions appear), pick the first with the keyboard.
        await page.Locator("#q").PressSequentiallyAsync("gull r");
        var suggestion = page.Locator("#suggestions li").First;
        await Expect(suggestion).ToContainTextAsync("Gull Rock");
        var text = await suggestion.TextContentAsync();
        await page.Locator("#q").PressAsync("ArrowDown");
        await Expect(suggestion).ToHaveAttributeAsync("aria-selected", "true");
        await page.Locator("#q").PressAsync("Enter");

        // Assert
        await Expect(page.Locator("#suggestions")).ToBeHiddenAsync();
        await Expect(page.Locator("#q")).ToHaveValueAsync(text!);
        await Expect(Results.First).ToContainTextAsync("Gull Rock");
    }

    [Fact]
    public async Task Facet_Click_NarrowsResultsCountAndShowsRemovableChip()
    {
        // Arrange
        await page.GotoAsync($"{fixture.PageAddress}?q={Word}");
        await Expect(Total).ToHaveTextAsync($"{Originals} articles");

        // Act
        await page.Locator("#facets button[data-facet=siteName]", new() { HasText = "Coastal Courier" }).ClickAsync();

        // Assert
        await Expect(Total).ToHaveTextAsync("2 articles");
        await Expect(Results).ToHaveCountAsync(2);
        foreach (var meta in await Results.Locator(".meta").AllAsync())
        {
            if (await meta.GetAttributeAsync("href") is null)
            {
                await Expect(meta).ToContainTextAsync("Coastal Courier");
            }
        }

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]site=Coastal\+Courier"));
        await Expect(page.Locator("#facets button[aria-pressed=true]")).ToContainTextAsync("Coastal Courier");

        // Act: removing the chip widens the search again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove filter Site: Coastal Courier" }).ClickAsync();

        // Assert
        await Expect(Total).ToHaveTextAsync($"{Originals} articles");
        await Expect(page.Locator("#chips li")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Url_CarriesQueryFiltersSortAndPage_ReloadRestoresAndBackForwardWork()
    {
        // Arrange: a query, a filter and a sort, each a history entry.
        await page.GotoAsync(fixture.PageAddress.ToString());
        await page.Locator("#q").FillAsync(Word);
        await page.Locator("#q").PressAsync("Enter");
        await Expect(Total).ToHaveTextAsync($"{Originals} articles");
        await page.Locator("#facets button[data-facet=places]", new() { HasText = "Port Alder" }).ClickAsync();
        await Expect(Total).ToHaveTextAsync("2 articles");
        await page.Locator("#sort").SelectOptionAsync("oldest");
        await Expect(Results.First.Locator("h3")).ToHaveTextAsync(Museum.Title);

        // Act
        await page.ReloadAsync();

        // Assert: the same state comes back from the URL alone.
        await Expect(page.Locator("#q")).ToHaveValueAsync(Word);
        await Expect(page.Locator("#sort")).ToHaveValueAsync("oldest");
        await Expect(page.Locator("#chips")).ToContainTextAsync("Place: Port Alder");
        await Expect(Total).ToHaveTextAsync("2 articles");
        await Expect(Results.First.Locator("h3")).ToHaveTextAsync(Museum.Title);
        await Expect(Results.Nth(1).Locator("h3")).ToHaveTextAsync(Lens.Title);

        // Act and assert: back undoes the sort, then the filter; forward redoes the filter.
        await page.GoBackAsync();
        await Expect(page.Locator("#sort")).ToHaveValueAsync("relevance");
        await Expect(Total).ToHaveTextAsync("2 articles");
        await page.GoBackAsync();
        await Expect(Total).ToHaveTextAsync($"{Originals} articles");
        await Expect(page.Locator("#chips li")).ToHaveCountAsync(0);
        await page.GoForwardAsync();
        await Expect(Total).ToHaveTextAsync("2 articles");
        await Expect(page.Locator("#chips")).ToContainTextAsync("Place: Port Alder");
    }

    [Fact]
    public async Task Paging_NextAndPrevious_MoveThroughTheResultsAndTheUrl()
    {
        // Arrange: eleven tide tables, ten a page.
        await page.GotoAsync($"{fixture.PageAddress}?q={PagingWord}&sort=oldest");
        await Expect(Total).ToHaveTextAsync($"{TideTables.Count} articles");
        await Expect(Results).ToHaveCountAsync(10);
        await Expect(page.Locator("#pager")).ToContainTextAsync("Page 1 of 2");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "← Previous" })).ToBeDisabledAsync();

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Next →" }).ClickAsync();

        // Assert
        await Expect(page.Locator("#pager")).ToContainTextAsync("Page 2 of 2");
        await Expect(Results).ToHaveCountAsync(1);
        await Expect(page).ToHaveURLAsync(new Regex("[?&]page=2"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next →" })).ToBeDisabledAsync();

        // Act and assert: Previous, and a new sort starts again at page 1.
        await page.GetByRole(AriaRole.Button, new() { Name = "← Previous" }).ClickAsync();
        await Expect(page.Locator("#pager")).ToContainTextAsync("Page 1 of 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next →" }).ClickAsync();
        await Expect(page.Locator("#pager")).ToContainTextAsync("Page 2 of 2");
        await page.Locator("#sort").SelectOptionAsync("newest");
        await Expect(page.Locator("#pager")).ToContainTextAsync("Page 1 of 2");
        await Expect(page).Not.ToHaveURLAsync(new Regex("[?&]page="));
    }

    [Fact]
    public async Task ArticleView_OpenFromResult_ShowsMetadataBodyEntityLinksAndOriginal()
    {
        // Arrange
        await page.GotoAsync($"{fixture.PageAddress}?q={Word}");

        // Act
        await Results.GetByRole(AriaRole.Link, new() { Name = GullRock.Title }).ClickAsync();

        // Assert
        var article = page.Locator("article.full");
        await Expect(article.Locator("h1")).ToHaveTextAsync(GullRock.Title);
        await Expect(page).ToHaveURLAsync(new Regex("[?&]article=" + Regex.Escape(GullRock.Id)));
        await Expect(article.Locator("dl")).ToContainTextAsync("Coastal Courier");
        await Expect(article.Locator("dl")).ToContainTextAsync("Maren Holt");
        await Expect(article.Locator("dl")).ToContainTextAsync(GullRock.BlobPath);
        await Expect(article.Locator("dl")).ToContainTextAsync("text/plain");
        await Expect(article.Locator(".body p")).ToHaveCountAsync(2);
        await Expect(article.Locator(".body")).ToContainTextAsync("The Coast Guard Trust restored the lamp room");
        await Expect(article.GetByRole(AriaRole.Link, new() { Name = "Original file" }))
            .ToHaveAttributeAsync("href", $"/api/articles/{GullRock.Id}/content");

        // Act and assert: "Back to results" returns to the search; the browser's back button reopens the article.
        await article.GetByRole(AriaRole.Link, new() { Name = "← Back to results" }).ClickAsync();
        await Expect(Total).ToHaveTextAsync($"{Originals} articles");
        await Expect(page).Not.ToHaveURLAsync(new Regex("article="));
        await page.GoBackAsync();
        await Expect(article.Locator("h1")).ToHaveTextAsync(GullRock.Title);

        // Act: an entity is a link that searches for it.
        await article.Locator(".entities").GetByRole(AriaRole.Link, new() { Name = "Coast Guard Trust" }).ClickAsync();

        // Assert
        await Expect(page.Locator("#chips")).ToContainTextAsync("Organization: Coast Guard Trust");
        await Expect(Total).ToHaveTextAsync("1 article");
        await Expect(Results.First.Locator("h3")).ToHaveTextAsync(GullRock.Title);
    }

    [Fact]
    public async Task HostileArticle_InResultsFacetsAndArticleView_RendersAsTextAndRunsNothing()
    {
        // Arrange
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        // Act: the result list and its facets.
        await page.GotoAsync($"{fixture.PageAddress}?q=night+tours");

        // Assert
        var result = Results.First;
        await Expect(result.Locator("h3 a")).ToHaveTextAsync(Hostile.Title);
        await Expect(result.Locator(".meta").First).ToContainTextAsync(Hostile.Authors[0]);
        await Expect(page.Locator("#facets")).ToContainTextAsync(Hostile.SiteName!);
        await Expect(page.Locator("#facets b")).ToHaveCountAsync(0);
        await AssertNothingRanAsync();

        // Act: the article view.
        await result.Locator("h3 a").ClickAsync();

        // Assert: every value is shown literally, nothing became an element, no javascript: link exists.
        var article = page.Locator("article.full");
        await Expect(article.Locator("h1")).ToHaveTextAsync(Hostile.Title);
        await Expect(article.Locator(".body")).ToContainTextAsync(HostileScript);
        await Expect(article.Locator(".body")).ToContainTextAsync(HostileImage + " " + HostileLink);
        await Expect(article.Locator(".entities")).ToContainTextAsync(HostileScript);
        await Expect(article.GetByRole(AriaRole.Link, new() { Name = "Source page" })).ToHaveCountAsync(0);
        await AssertNothingRanAsync();

        // Act: the hostile entity as a search filter, shown in a chip.
        await article.Locator(".entities a").ClickAsync();

        // Assert
        await Expect(page.Locator("#chips")).ToContainTextAsync("Person: " + HostileScript);
        await Expect(Total).ToHaveTextAsync("1 article");
        await AssertNothingRanAsync();
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task ApiDown_SearchEmulatorStopped_PageSaysTheArchiveCannotBeReached()
    {
        // Arrange
        await fixture.Stack.Search.StopAsync();
        try
        {
            // Act
            await page.GotoAsync($"{fixture.PageAddress}?q={Word}");

            // Assert
            var alert = page.GetByRole(AriaRole.Alert);
            await Expect(alert).ToContainTextAsync("The archive cannot be reached right now", new() { Timeout = 60_000 });
            await Expect(Total).ToHaveTextAsync(string.Empty);
            await Expect(Results).ToHaveCountAsync(0);
        }
        finally
        {
            await fixture.Stack.Search.StartAgainAsync();
            await fixture.Stack.SearchUntilAsync("q=" + Word, r => r.GetProperty("total").GetInt64() == Originals);
        }
    }

    [Fact]
    public async Task States_LoadingNoResultsAndInvalidDateRange_SayWhatHappened()
    {
        // Arrange: hold the search response to see the loading state.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/search?**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        // Act and assert: loading, then no results.
        await page.GotoAsync($"{fixture.PageAddress}?q=zeppelinhangar");
        await Expect(page.Locator("#results .status")).ToHaveTextAsync("Searching…");
        release.SetResult();
        await Expect(page.Locator("#results .status")).ToContainTextAsync("No articles match “zeppelinhangar”");
        await Expect(Total).ToHaveTextAsync("0 articles");

        // Act: a date range that ends before it starts, entered with the keyboard.
        await page.Locator("#from").FillAsync("2024-05-01");
        await page.Locator("#to").FillAsync("2023-01-01");
        await page.Locator("#apply-dates").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The date range is invalid");
        await Expect(page).ToHaveURLAsync(new Regex("from=2024-05-01&to=2023-01-01"));
    }

    [Fact]
    public async Task DuplicatesToggle_ShowsTheCopyAndYearFacetSetsTheDateRange()
    {
        // Arrange
        await page.GotoAsync($"{fixture.PageAddress}?q=gull+rock");
        await Expect(Total).ToHaveTextAsync("1 article");

        // Act
        await page.GetByLabel("Show duplicates").CheckAsync();

        // Assert
        await Expect(Total).ToHaveTextAsync("2 articles");
        await Expect(Results.Filter(new() { HasText = "Mirror Weekly" })).ToHaveCountAsync(1);
        await Expect(Results.Filter(new() { HasText = "Mirror Weekly" }).Locator(".dup")).ToHaveTextAsync("duplicate");
        await Expect(Results.Locator(".dup")).ToHaveCountAsync(1);
        await Expect(page).ToHaveURLAsync(new Regex("includeDuplicates=true"));

        // Act: the year facet sets from/to.
        await page.GotoAsync($"{fixture.PageAddress}?q={Word}");
        await page.Locator("#facets button[data-facet=year]", new() { HasText = "2022" }).ClickAsync();

        // Assert
        await Expect(Total).ToHaveTextAsync("1 article");
        await Expect(Results.First.Locator("h3")).ToHaveTextAsync(Museum.Title);
        await Expect(page.Locator("#from")).ToHaveValueAsync("2022-01-01");
        await Expect(page.Locator("#to")).ToHaveValueAsync("2022-12-31");
        await Expect(page.Locator("#chips")).ToContainTextAsync("From: 2022-01-01");

        // Act and assert: pressed again, it clears the range.
        var year = page.Locator("#facets button[data-facet=year]", new() { HasText = "2022" });
        await Expect(year).ToHaveAttributeAsync("aria-pressed", "true");
        await year.ClickAsync();
        await Expect(Total).ToHaveTextAsync($"{Originals} articles");
        await Expect(page.Locator("#from")).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task PhoneWidth_Results_FitTheScreenWithoutSidewaysScrolling()
    {
        // Arrange
        var (phone, small) = await fixture.NewPageAsync(width: 375, height: 740);
        try
        {
            // Act
            await small.GotoAsync($"{fixture.PageAddress}?q={Word}");
            await Expect(small.Locator("#results article.result")).ToHaveCountAsync(Originals);

            // Assert
            var overflow = await small.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"The page is {overflow}px wider than a 375px screen.");
        }
        finally
        {
            await phone.DisposeAsync();
        }
    }

    private async Task AssertNothingRanAsync()
    {
        Assert.Equal("undefined", await page.EvaluateAsync<string>($"() => typeof window.{PwnedFlag}"));
        await Expect(page.Locator("#results script, #results img, #facets img, #chips img")).ToHaveCountAsync(0);
        await Expect(page.Locator("a[href^='javascript:' i]")).ToHaveCountAsync(0);
    }

    /// <summary>Saves the results page under artifacts/TestResults; with ARCHIVE_UPDATE_SCREENSHOTS=1 also as docs/screenshot-search.png.</summary>
    private async Task SaveScreenshotAsync()
    {
        Directory.CreateDirectory(SearchPageFixture.ArtifactsDirectory);
        var path = Path.Combine(SearchPageFixture.ArtifactsDirectory, "search-results.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0);
        if (Environment.GetEnvironmentVariable("ARCHIVE_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "docs")).FullName;
            File.Copy(path, Path.Combine(docs, "screenshot-search.png"), overwrite: true);
        }
    }
}
