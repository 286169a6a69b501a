using AngleSharp.Dom;

namespace Archive.Core.Extraction.Html;

/// <summary>The page's &lt;meta&gt; values keyed by lower-cased name, property, itemprop or http-equiv, in document order.</summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.OrdinalIgnoreCase);

    public MetaTags(IDocument document)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            foreach (var attribute in (ReadOnlySpan<string>)["name", "property", "itemprop", "http-equiv"])
            {
                var key = meta.GetAttribute(attribute);
                if (!string.IsNullOrWhiteSpace(key))
                {
                    Add(key.Trim(), content.Trim());
                }
            }
        }
    }

    /// <summary>The first non-empty value among <paramref name="keys"/>, in the order given.</summary>
    public string? First(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (values.TryGetValue(key, out var list) && list.Count > 0)
            {
                return list[0];
            }
        }

        return null;
    }

    /// <summary>Every value of <paramref name="key"/>.</summary>
    public IReadOnlyList<string> All(string key) => values.TryGetValue(key, out var list) ? list : [];

    private void Add(string key, string content)
    {
        // "property" may hold several space-separated RDFa names ("og:title twitter:title").
        foreach (var part in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!values.TryGetValue(part, out var list))
            {
                list = [];
                values[part] = list;
            }

            list.Add(content);
        }
    }
}
