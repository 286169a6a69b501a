using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Finds the main content: furniture is removed first, then SmartReader (a Readability port) picks the article
/// container on the already parsed document; its output is turned into plain paragraphs and short boilerplate lines
/// are dropped. When SmartReader finds nothing, the densest block of paragraphs is used instead.
/// </summary>
internal static partial class BodyExtractor
{
    // A neutral address: SmartReader guesses dates from URL paths (and can fail on them); we read dates ourselves.
    private const string NeutralUri = "https://localhost/article";

    public static string Extract(IHtmlDocument document, HtmlParser parser, List<string> warnings)
    {
        BoilerplateFilter.Clean(document);
        var fallback = document.Body is { } body ? DensestBlock(body) : null;
        string? text = null;
        try
        {
            var reader = new Reader(NeutralUri, document) { DisableJSONLD = true };
            var article = reader.GetArticle();
            if (article.IsReadable && !string.IsNullOrWhiteSpace(article.Content))
            {
                var fragment = parser.ParseDocument("<html><body>" + article.Content + "</body></html>");
                BoilerplateFilter.Clean(fragment);
                text = PlainTextWriter.Write(fragment.Body!);
            }
        }
#pragma warning disable CA1031 // A content heuristic failing on one page must not lose the page: the fallback below takes over.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            warnings.Add("html: main-content selection failed (" + ex.GetType().Name + "); used the densest text block");
        }

        if (string.IsNullOrWhiteSpace(text) || (fallback is not null && (fallback.Length > text.Length * 3 || (text.Length < 2000 && fallback.Length > text.Length * 3 / 2))))
        {
            text = fallback ?? string.Empty;
        }

        return DropBoilerplateLines(text);
    }

    /// <summary>The text of the element whose direct paragraphs carry the most link-poor text.</summary>
    private static string? DensestBlock(IElement body)
    {
        // Readability's idea, simplified: a paragraph's text counts fully for its parent and half for its grandparent,
        // so an article split into several sections is still found as one container.
        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p, pre, blockquote"))
        {
            var length = p.TextContent.Trim().Length;
            if (length < 25 || p.ParentElement is not { } parent)
            {
                continue;
            }

            scores[parent] = scores.GetValueOrDefault(parent) + length;
            if (parent.ParentElement is { } grandparent && grandparent != body)
            {
                scores[grandparent] = scores.GetValueOrDefault(grandparent) + (length / 2.0);
            }
        }

        if (scores.Count == 0)
        {
            var all = PlainTextWriter.Write(body);
            return all.Length > 0 ? all : null;
        }

        var best = scores.MaxBy(pair => pair.Value).Key;
        return PlainTextWriter.Write(best);
    }

    private static string DropBoilerplateLines(string text)
    {
        var paragraphs = text.Split("\n\n");
        var kept = new List<string>(paragraphs.Length);
        foreach (var paragraph in paragraphs)
        {
            var trimmed = paragraph.Trim();
            if (trimmed.Length == 0 || (trimmed.Length < 120 && BoilerplateLineRegex().IsMatch(trimmed)))
            {
                continue;
            }

            kept.Add(trimmed);
        }

        return string.Join("\n\n", kept);
    }

    [GeneratedRegex(@"^(?:advertisement|advertisements|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|mainos|sponsored|\(?ad\)?|story continues below.*|continue reading.*|read more.*|related:?.*|share this.*|share on .*|click here.*|sign up.*|subscribe.*|follow us.*|mehr zum thema.*|lesen sie auch.*|lee también.*|leia também.*|lire aussi.*|à lire aussi.*|(?:aktualisiert|publiziert|updated|published|veröffentlicht|actualizado|publicado|mis à jour|publié)\b.{0,40}|.{0,80}\b(?:photo|photos|foto|fotos|crédits? photos?|bild|image|credit|crédito)\s*:.{0,60}|\W*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateLineRegex();
}
