using System.Text.Json;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Reads schema.org JSON-LD blocks: NewsArticle, Article, ReportageNewsArticle, BlogPosting and kin, in arrays or a
/// nested @graph, with author/publisher given as a string, an object, an array or an @id reference. Broken JSON is
/// skipped (one repair attempt for raw control characters), never thrown.
/// </summary>
internal static class JsonLdReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private static readonly string[] ArticleTypes =
    [
        "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "satiricalarticle", "liveblogposting",
        "techarticle", "socialmediaposting", "discussionforumposting", "report", "scholarlyarticle", "medicalscholarlyarticle",
    ];

    private static readonly string[] PageTypes = ["webpage", "itempage", "collectionpage", "aboutpage", "qapage", "faqpage"];

    /// <summary>Parses every block and returns the best article node, or null when none is usable.</summary>
    public static JsonLdArticle? Read(IEnumerable<string> scripts)
    {
        var nodes = new List<JsonElement>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var script in scripts)
            {
                var document = TryParse(script);
                if (document is not null)
                {
                    documents.Add(document);
                    CollectNodes(document.RootElement, nodes);
                }
            }

            return Select(nodes);
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static JsonDocument? TryParse(string script)
    {
        var text = script.Trim();
        if (text.StartsWith("<!--", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        if (text.EndsWith("-->", StringComparison.Ordinal))
        {
            text = text[..^3];
        }

        text = text.Replace("<![CDATA[", string.Empty, StringComparison.Ordinal).Replace("]]>", string.Empty, StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            // Raw newlines and tabs inside strings are the usual breakage; JSON whitespace tolerates spaces anywhere.
            var repaired = string.Create(text.Length, text, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = char.IsControl(source[i]) ? ' ' : source[i];
                }
            });
            try
            {
                return JsonDocument.Parse(repaired, Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>Flattens arrays and @graph containers into a list of typed objects (iteratively; depth is bounded by the parser).</summary>
    private static void CollectNodes(JsonElement root, List<JsonElement> nodes)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                for (var i = element.GetArrayLength() - 1; i >= 0; i--)
                {
                    stack.Push(element[i]);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                nodes.Add(element);
                if (element.TryGetProperty("@graph", out var graph))
                {
                    stack.Push(graph);
                }

                if (element.TryGetProperty("mainEntity", out var main) && main.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    stack.Push(main);
                }
            }
        }
    }

    private static JsonLdArticle? Select(List<JsonElement> nodes)
    {
        if (nodes.Count == 0)
        {
            return null;
        }

        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (GetString(node, "@id") is { } id)
            {
                byId.TryAdd(id, node);
            }
        }

        JsonElement? best = null;
        var bestScore = 0;
        var isArticle = false;
        foreach (var node in nodes)
        {
            var article = HasType(node, ArticleTypes);
            var page = !article && HasType(node, PageTypes);
            if (!article && !page)
            {
                continue;
            }

            var score = (article ? 10 : 1) + (node.TryGetProperty("headline", out _) ? 4 : 0) +
                        (node.TryGetProperty("datePublished", out _) ? 2 : 0) + (node.TryGetProperty("author", out _) ? 2 : 0) +
                        (node.TryGetProperty("articleBody", out _) ? 1 : 0);
            if (score > bestScore)
            {
                best = node;
                bestScore = score;
                isArticle = article;
            }
        }

        var siteName = FindSiteName(nodes);
        if (best is not { } chosen)
        {
            return siteName is null ? null : new JsonLdArticle { Publisher = siteName };
        }

        var authors = new List<string>();
        if (chosen.TryGetProperty("author", out var author))
        {
            CollectNames(author, byId, authors, includeOrganizations: true);
        }

        if (authors.Count == 0 && chosen.TryGetProperty("creator", out var creator))
        {
            CollectNames(creator, byId, authors, includeOrganizations: false);
        }

        string? publisher = null;
        if (chosen.TryGetProperty("publisher", out var publisherElement))
        {
            var names = new List<string>();
            CollectNames(publisherElement, byId, names, includeOrganizations: true);
            publisher = names.FirstOrDefault();
        }

        return new JsonLdArticle
        {
            Headline = GetString(chosen, "headline") ?? (isArticle ? GetString(chosen, "name") : null),
            DatePublished = GetString(chosen, "datePublished"),
            DateCreated = GetString(chosen, "dateCreated"),
            DateModified = GetString(chosen, "dateModified"),
            Authors = authors,
            Publisher = publisher ?? siteName,
            Url = GetString(chosen, "url") ?? GetMainEntityId(chosen),
            Description = GetString(chosen, "description"),
            Keywords = GetKeywords(chosen),
            InLanguage = GetString(chosen, "inLanguage"),
            IsArticleType = isArticle,
        };
    }

    private static string? FindSiteName(List<JsonElement> nodes)
    {
        foreach (var node in nodes)
        {
            if (HasType(node, ["website"]) && GetString(node, "name") is { } name)
            {
                return name;
            }
        }

        foreach (var node in nodes)
        {
            if (HasType(node, ["organization", "newsmediaorganization"]) && GetString(node, "name") is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? GetMainEntityId(JsonElement node)
    {
        if (!node.TryGetProperty("mainEntityOfPage", out var main))
        {
            return null;
        }

        return main.ValueKind switch
        {
            JsonValueKind.String => main.GetString(),
            JsonValueKind.Object => GetString(main, "@id") ?? GetString(main, "url"),
            _ => null,
        };
    }

    private static List<string> GetKeywords(JsonElement node)
    {
        var keywords = new List<string>();
        if (!node.TryGetProperty("keywords", out var value))
        {
            return keywords;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            keywords.AddRange(value.GetString()!.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                {
                    keywords.Add(item.GetString()!.Trim());
                }
            }
        }

        return keywords;
    }

    private static void CollectNames(JsonElement value, Dictionary<string, JsonElement> byId, List<string> names, bool includeOrganizations)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                if (!string.IsNullOrWhiteSpace(value.GetString()))
                {
                    names.Add(value.GetString()!.Trim());
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Array)
                    {
                        CollectNames(item, byId, names, includeOrganizations);
                    }
                }

                break;
            case JsonValueKind.Object:
                var target = value;
                if (GetString(value, "name") is null && GetString(value, "@id") is { } id && byId.TryGetValue(id, out var resolved))
                {
                    target = resolved;
                }

                if (!includeOrganizations && HasType(target, ["organization", "newsmediaorganization"]))
                {
                    return;
                }

                var name = GetString(target, "name");
                if (name is null && (GetString(target, "givenName") is { } given))
                {
                    name = GetString(target, "familyName") is { } family ? given + " " + family : given;
                }

                if (!string.IsNullOrWhiteSpace(name))
                {
                    names.Add(name.Trim());
                }

                break;
        }
    }

    private static bool HasType(JsonElement node, string[] types)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return Matches(type.GetString());
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && Matches(item.GetString()))
                {
                    return true;
                }
            }
        }

        return false;

        bool Matches(string? name)
        {
            if (name is null)
            {
                return false;
            }

            var slash = name.LastIndexOfAny(['/', ':']);
            var local = slash >= 0 ? name[(slash + 1)..] : name;
            return types.Contains(local.ToLowerInvariant());
        }
    }

    /// <summary>A string value (the first of an array; an object's @value or name), trimmed; null when empty.</summary>
    private static string? GetString(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            JsonValueKind.Object => GetString(value, "@value") ?? GetString(value, "name"),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
