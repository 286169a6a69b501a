using Archive.Testing;
using Microsoft.Playwright;

namespace Archive.Web.Tests;

/// <summary>
/// The local stack (<see cref="ArchiveStackFixture"/>: Azurite, the search emulator, the dev host running the real
/// Archive.Functions) with <see cref="SearchPageArticles"/> indexed, and one headless Chromium, Debian's
/// <c>/usr/bin/chromium</c>, driven by Playwright. Each test opens its own browser context.
/// </summary>
public sealed class SearchPageFixture : IAsyncLifetime
{
    /// <summary>The Chromium the tests drive; <c>ARCHIVE_CHROMIUM</c> overrides it.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("ARCHIVE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public ArchiveStackFixture Stack { get; } = new();

    /// <summary>The search page, <c>http://127.0.0.1:port/api/ui</c>.</summary>
    public Uri PageAddress => new(Stack.Host.BaseAddress, "api/ui");

    /// <summary>Where screenshots go: <c>artifacts/TestResults/Archive.Web.Tests</c>.</summary>
    public static string ArtifactsDirectory => Path.Combine(RepositoryPaths.Root, "artifacts", "TestResults", "Archive.Web.Tests");

    public async Task InitializeAsync()
    {
        // Fail, not skip, without a browser: the test command installs it (scripts/bootstrap.sh).
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. Run 'bash scripts/bootstrap.sh' (./test.sh does) or " +
                "'apt-get install chromium chromium-driver', or set ARCHIVE_CHROMIUM to a Chromium binary.");
        }

        await Task.WhenAll(Stack.InitializeAsync(), LaunchAsync());
        await SearchPageArticles.IndexAsync(Stack);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Stack.DisposeAsync();
    }

    /// <summary>A fresh browser context (no shared storage) and one page in it; dispose the context after the test.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(int width = 1200, int height = 900)
    {
        var context = await (browser ?? throw new InvalidOperationException("The browser is not running."))
            .NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        return (context, page);
    }

    private async Task LaunchAsync()
    {
        playwright = await Playwright.CreateAsync();

        // Playwright gives every launch a fresh, empty --user-data-dir of its own.
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }
}

/// <summary>Tests in this collection share one stack and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class SearchPageCollection : ICollectionFixture<SearchPageFixture>
{
    public const string Name = "SearchPage";
}
