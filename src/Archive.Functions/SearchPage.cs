using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Archive.Functions;

/// <summary>
/// Serves the search page: one self-contained HTML file (styles and script inline, no external assets). Its
/// Content-Security-Policy is a response header allowing exactly the page's own inline script and style blocks by
/// their SHA-256 (computed once from the embedded page, so editing the page needs no hash edit): no
/// <c>'unsafe-inline'</c>, no framing.
/// </summary>
public sealed partial class SearchPage
{
    private static readonly Lazy<(string Html, string Policy)> Page = new(() =>
    {
        var html = LoadPage();
        return (html, PolicyFor(html));
    });

    /// <summary>The CSP header of the page.</summary>
    public static string ContentSecurityPolicy => Page.Value.Policy;

    [Function(nameof(SearchPage))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ui")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = Page.Value.Policy;
        headers.XFrameOptions = "DENY";
        return new ContentResult { Content = Page.Value.Html, ContentType = "text/html; charset=utf-8", StatusCode = StatusCodes.Status200OK };
    }

    /// <summary>The policy for <paramref name="html"/>: its inline &lt;script&gt; and &lt;style&gt; blocks by hash.</summary>
    public static string PolicyFor(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        static string Hashes(IEnumerable<Match> blocks) => string.Join(' ', blocks
            .Select(m => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value))) + "'")
            .Distinct(StringComparer.Ordinal));
        var scripts = Hashes(InlineScript().Matches(html));
        var styles = Hashes(InlineStyle().Matches(html));
        return $"default-src 'self'; script-src {(scripts.Length > 0 ? scripts : "'none'")}; style-src {(styles.Length > 0 ? styles : "'none'")}; " +
            "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static string LoadPage()
    {
        using var stream = typeof(SearchPage).Assembly.GetManifestResourceStream("Archive.Functions.Web.index.html")
            ?? throw new InvalidOperationException("The search page resource Web/index.html is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // An inline block: an opening tag without a src attribute, its text up to the first closing tag.
    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>(?<body>.*?)</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style[^>]*>(?<body>.*?)</style\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
