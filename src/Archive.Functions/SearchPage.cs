using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Archive.Functions;

/// <summary>Serves the search page: one self-contained HTML file (styles and script inline, no external assets).</summary>
public sealed class SearchPage
{
    private static readonly Lazy<string> Html = new(LoadPage);

    [Function(nameof(SearchPage))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ui")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        request.HttpContext.Response.Headers["X-Content-Type-Options"] = "nosniff";
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        return new ContentResult { Content = Html.Value, ContentType = "text/html; charset=utf-8", StatusCode = StatusCodes.Status200OK };
    }

    private static string LoadPage()
    {
        using var stream = typeof(SearchPage).Assembly.GetManifestResourceStream("Archive.Functions.Web.index.html")
            ?? throw new InvalidOperationException("The search page resource Web/index.html is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
