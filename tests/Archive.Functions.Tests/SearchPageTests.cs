using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Functions.Tests;

public sealed partial class SearchPageTests
{
    [Fact]
    public void Run_Called_ReturnsSelfContainedHtmlUnder100KB()
    {
        var context = new DefaultHttpContext();

        var result = new SearchPage().Run(context.Request);

        var content = Assert.IsType<ContentResult>(result);
        Assert.StartsWith("text/html", content.ContentType, StringComparison.Ordinal);
        Assert.NotNull(content.Content);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(content.Content), 1000, 100 * 1024);
        Assert.Equal("nosniff", context.Response.Headers["X-Content-Type-Options"].ToString());
    }

    [Fact]
    public void Run_Called_ReferencesNoExternalAssets()
    {
        var html = Assert.IsType<ContentResult>(new SearchPage().Run(new DefaultHttpContext().Request)).Content!;

        // No CDN scripts, stylesheets or fonts: the page must work offline.
        Assert.DoesNotMatch(ExternalAsset(), html);
        Assert.DoesNotContain("innerHTML", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<(script|link|img)[^>]+(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAsset();
}
