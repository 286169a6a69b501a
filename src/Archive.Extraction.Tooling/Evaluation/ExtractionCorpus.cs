using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Archive.Extraction.Tooling.Evaluation;

/// <summary>Loads the development corpora (news-html and article-body) from their folders, as their READMEs describe.</summary>
public static class ExtractionCorpus
{
    /// <summary>The items of <c>news-html/ground-truth.json</c>, sorted by file name.</summary>
    public static IReadOnlyList<NewsHtmlItem> LoadNewsHtml(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "ground-truth.json")));
        var items = new List<NewsHtmlItem>();
        foreach (var property in document.RootElement.GetProperty("items").EnumerateObject())
        {
            var value = property.Value;
            items.Add(new NewsHtmlItem(
                property.Name,
                Text(value, "url"),
                Text(value, "title"),
                Text(value, "date"),
                Text(value, "author"),
                List(value, "with"),
                List(value, "without")));
        }

        items.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        return items;
    }

    /// <summary>The raw HTML of one news-html page (UTF-8, as AngleSharp would decode it without a charset hint).</summary>
    public static string ReadNewsHtml(string folder, NewsHtmlItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Decode(File.ReadAllBytes(Path.Combine(folder, "html", item.File)));
    }

    /// <summary>The items of <c>article-body/ground-truth.json</c>, sorted by id.</summary>
    public static IReadOnlyList<ArticleBodyItem> LoadArticleBody(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "ground-truth.json")));
        var items = new List<ArticleBodyItem>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            items.Add(new ArticleBodyItem(property.Name, Text(property.Value, "url"), Text(property.Value, "articleBody")));
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return items;
    }

    /// <summary>The decompressed HTML of one article-body page.</summary>
    public static string ReadArticleBodyHtml(string folder, ArticleBodyItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var file = File.OpenRead(Path.Combine(folder, "html", item.Id + ".html.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return Decode(buffer.ToArray());
    }

    private static string Decode(byte[] bytes)
    {
        // The pages are UTF-8 apart from a few legacy ones; fall back to Latin-1 when UTF-8 is invalid.
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    private static List<string> List(JsonElement element, string name)
    {
        var list = new List<string>();
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                {
                    list.Add(item.GetString()!);
                }
            }
        }

        return list;
    }
}
