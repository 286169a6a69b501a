using AngleSharp.Html.Parser;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// PLACEHOLDER, deliberately minimal: the HTML engineer's reader (main-content extraction, JSON-LD/OpenGraph/meta
/// metadata, byline and date heuristics) replaces this file at merge. It only keeps the pipeline compiling and
/// testable: title from &lt;title&gt; or the first &lt;h1&gt;, body from the &lt;p&gt; elements' text.
/// The pipeline holds one instance and calls <see cref="Read"/> concurrently, so it must be thread-safe.
/// </summary>
public sealed class HtmlArticleReader
{
    private readonly HtmlParser parser = new();

    /// <summary>Reads one HTML page.</summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="path">The file or blob name, when known.</param>
    public RawArticle Read(string html, string? path)
    {
        using var document = parser.ParseDocument(html);
        var title = document.QuerySelector("h1")?.TextContent ?? document.Title;
        var paragraphs = document.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).Where(t => t.Length > 0);
        return new RawArticle
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            DeclaredLanguage = document.DocumentElement?.GetAttribute("lang"),
            Body = string.Join("\n\n", paragraphs),
        };
    }
}
