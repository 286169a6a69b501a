using System.Text;
using Archive.Core.Extraction.Pipeline;
using Archive.Core.Extraction.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Archive.Core.Extraction.Markdown;

/// <summary>Finds and splits YAML front matter: a first line "---", then YAML, then a line "---" or "...".</summary>
internal static class FrontMatter
{
    /// <summary>Front matter larger than this is not front matter but a document.</summary>
    public const int MaxChars = 64 * 1024;

    public static bool HasFrontMatter(ReadOnlySpan<char> text) => TrySplit(text, out _, out _, requireKey: true);

    /// <summary>Splits <paramref name="text"/> into the YAML between the fences and the rest.</summary>
    public static bool TrySplit(ReadOnlySpan<char> text, out string yaml, out int bodyStart, bool requireKey = false)
    {
        yaml = string.Empty;
        bodyStart = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
            bodyStart = 1;
        }

        var firstEnd = text.IndexOf('\n');
        if (firstEnd < 0 || !text[..firstEnd].TrimEnd().SequenceEqual("---"))
        {
            return false;
        }

        var position = firstEnd + 1;
        var hasKey = false;
        while (position < text.Length && position < MaxChars)
        {
            var lineEnd = text[position..].IndexOf('\n');
            var line = lineEnd < 0 ? text[position..] : text.Slice(position, lineEnd);
            var trimmed = line.TrimEnd();
            if (trimmed.SequenceEqual("---") || trimmed.SequenceEqual("..."))
            {
                if (requireKey && !hasKey)
                {
                    return false;
                }

                yaml = text[(firstEnd + 1)..position].ToString();
                bodyStart += lineEnd < 0 ? text.Length : position + lineEnd + 1;
                return true;
            }

            hasKey |= IsKeyLine(trimmed);
            if (lineEnd < 0)
            {
                break;
            }

            position += lineEnd + 1;
        }

        return false;
    }

    private static bool IsKeyLine(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !(char.IsLetter(line[0]) || line[0] == '_'))
        {
            return false;
        }

        var colon = line.IndexOf(':');
        return colon > 0 && (colon == line.Length - 1 || line[colon + 1] == ' ');
    }
}

/// <summary>
/// Reads Markdown articles: YAML front matter (YamlDotNet) for the metadata, Markdig for the body, rendered to plain
/// text paragraph by paragraph (headings, list items and quotes become paragraphs; images, raw HTML and link targets
/// are dropped). Without a front-matter title the first top-level heading is the headline; byline and date lines at
/// the top of the body are recognized as in plain text.
/// </summary>
internal static class MarkdownArticleReader
{
    private const int MaxBlockDepth = 64;
    private const int MaxIndent = 128;

    /// <summary>
    /// The deepest nesting of front-matter collections loaded. YamlDotNet's representation model builds nodes
    /// recursively: a flow sequence nested some ten thousand levels deep overflows the stack and kills the process.
    /// </summary>
    private const int MaxYamlDepth = 64;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static RawArticle Read(string text, ExtractionOptions options, List<string> warnings)
    {
        var meta = new FrontMatterFields();
        var markdown = text;
        if (FrontMatter.TrySplit(text, out var yaml, out var bodyStart))
        {
            markdown = text[bodyStart..];
            ReadFrontMatter(yaml, meta, warnings);
        }

        RejectDeepNesting(markdown);
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig refuses inline nesting (brackets, emphasis) beyond its own depth limit with an ArgumentException.
            throw new ExtractionFailureException(
                ExtractionErrorCodes.Malformed,
                "The Markdown nests links, brackets or emphasis too deeply to be read (Markdig's depth limit); remove the runs of unmatched '[', '*' or '_'.",
                ex);
        }

        var paragraphs = new List<string>();
        string? heading = null;
        foreach (var block in document)
        {
            if (heading is null && meta.Title is null && paragraphs.Count == 0 && block is HeadingBlock { Level: <= 2 } first)
            {
                heading = InlineText(first.Inline);
                continue;
            }

            AddBlock(block, paragraphs, 0);
        }

        // Byline, date and footer lines inside the Markdown body are recognized as in plain text.
        var lines = new List<TextLine>();
        foreach (var paragraph in paragraphs)
        {
            lines.AddRange(TextLines.Split(paragraph, options.MaxLineLength, warnings));
            lines.Add(TextLine.Empty);
        }

        var layout = PlainTextReader.Analyze(lines, allowTitle: meta.Title is null && heading is null, knownTitle: meta.Title ?? heading);
        var title = meta.Title ?? heading ?? layout.Title;
        var authors = new List<string>(meta.Authors);
        foreach (var author in layout.Authors)
        {
            if (!authors.Contains(author, StringComparer.OrdinalIgnoreCase))
            {
                authors.Add(author);
            }
        }

        var published = meta.Published ?? layout.Published;
        TextLayout.DateWarnings(published, meta.Published is null && layout.PublishedIsUpdate, warnings);
        var keywords = new List<string>(meta.Keywords);
        keywords.AddRange(layout.Keywords.Where(k => !keywords.Contains(k, StringComparer.OrdinalIgnoreCase)));
        return new RawArticle
        {
            Title = title,
            PublishedAt = published?.Value,
            PublishedAtPrecision = published?.Precision,
            Authors = authors,
            SiteName = meta.SiteName ?? layout.SiteName,
            Url = meta.Url ?? layout.Url,
            DeclaredLanguage = meta.Language ?? layout.Language,
            Summary = meta.Summary ?? layout.Summary,
            Body = layout.Body,
            Keywords = keywords,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Markdig slows down sharply (quadratically or worse) on deeply nested lists and quotes, and refuses very deep
    /// input only after that work: a linear scan of indentation and quote markers refuses such input first.
    /// </summary>
    private static void RejectDeepNesting(string markdown)
    {
        var lineStart = true;
        var indent = 0;
        var quotes = 0;
        foreach (var c in markdown)
        {
            if (c == '\n')
            {
                lineStart = true;
                indent = 0;
                quotes = 0;
                continue;
            }

            if (!lineStart)
            {
                continue;
            }

            switch (c)
            {
                case ' ':
                    indent++;
                    break;
                case '\t':
                    indent += 4;
                    break;
                case '>':
                    quotes++;
                    break;
                default:
                    lineStart = false;
                    break;
            }

            if (indent > MaxIndent || quotes > MaxBlockDepth)
            {
                throw new ExtractionFailureException(
                    ExtractionErrorCodes.Malformed,
                    $"The Markdown nests lists or quotes too deeply (indentation over {MaxIndent} or more than {MaxBlockDepth} quote levels).");
            }
        }
    }

    /// <summary>
    /// The deepest collection nesting of <paramref name="yaml"/>, from the event parser alone (a state machine with
    /// its own stack, no recursion); it stops counting once past the limit. Throws <see cref="YamlException"/> for
    /// invalid YAML, as loading would.
    /// </summary>
    private static int YamlDepth(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var max = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart:
                    max = Math.Max(max, ++depth);
                    if (max > MaxYamlDepth)
                    {
                        return max;
                    }

                    break;
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    depth--;
                    break;
            }
        }

        return max;
    }

    private static void ReadFrontMatter(string yaml, FrontMatterFields meta, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return;
        }

        YamlMappingNode? root;
        try
        {
            if (YamlDepth(yaml) > MaxYamlDepth)
            {
                warnings.Add($"The front matter nests values more than {MaxYamlDepth} levels deep; it was ignored.");
                return;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException ex)
        {
            warnings.Add($"The front matter is not valid YAML ({ex.Start.Line}:{ex.Start.Column}: {ex.Message}); it was ignored.");
            return;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (not a YamlException) on some broken input, found by fuzzing: its scanner on a
            // broken flow collection, its node loader on an unexpected event. Broken front matter is ignored; it must
            // not cost the article.
            warnings.Add($"The front matter is not valid YAML ({ex.Message}); it was ignored.");
            return;
        }

        if (root is null)
        {
            warnings.Add("The front matter is not a YAML mapping; it was ignored.");
            return;
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } rawKey })
            {
                continue;
            }

            var key = rawKey.Trim().ToLowerInvariant().Replace('-', '_');
            switch (key)
            {
                case "title" or "headline" or "name":
                    meta.Title ??= Scalar(valueNode);
                    break;
                case "date" or "published" or "published_at" or "publishdate" or "publish_date" or "pubdate" or "date_published" or "datepublished" or "created" or "created_at":
                    meta.Published ??= DateParser.ParseValue(Scalar(valueNode));
                    break;
                case "author" or "authors" or "byline" or "creator" or "creators" or "writer" or "writers":
                    foreach (var name in Names(valueNode))
                    {
                        AuthorNames.AddTo(meta.Authors, name);
                    }

                    break;
                case "source" or "publisher" or "site" or "site_name" or "sitename" or "publication" or "outlet" or "newspaper":
                    meta.SiteName ??= Names(valueNode).FirstOrDefault();
                    break;
                case "url" or "link" or "canonical" or "canonical_url" or "canonicalurl" or "permalink" or "source_url" or "original_url":
                    meta.Url ??= Scalar(valueNode);
                    break;
                case "description" or "summary" or "excerpt" or "abstract" or "lead" or "dek" or "subtitle":
                    meta.Summary ??= Scalar(valueNode);
                    break;
                case "tags" or "keywords" or "categories" or "topics":
                    foreach (var keyword in Strings(valueNode))
                    {
                        foreach (var part in keyword.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            if (!meta.Keywords.Contains(part, StringComparer.OrdinalIgnoreCase))
                            {
                                meta.Keywords.Add(part);
                            }
                        }
                    }

                    break;
                case "lang" or "language" or "locale":
                    meta.Language ??= Scalar(valueNode);
                    break;
            }
        }
    }

    private static string? Scalar(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } value } when !string.IsNullOrWhiteSpace(value) => value.Trim(),
        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim(),
        _ => null,
    };

    /// <summary>Scalars of a scalar or a flat sequence (no deeper: aliases cannot make this walk explode).</summary>
    private static IEnumerable<string> Strings(YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            yield return value.Trim();
        }
        else if (node is YamlSequenceNode sequence)
        {
            foreach (var child in sequence.Children.Take(100))
            {
                if (child is YamlScalarNode { Value: { } item } && !string.IsNullOrWhiteSpace(item))
                {
                    yield return item.Trim();
                }
            }
        }
    }

    /// <summary>Names from a scalar, a mapping with "name", or a sequence of either.</summary>
    private static IEnumerable<string> Names(YamlNode node)
    {
        IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children.Take(50) : [node];
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                yield return value.Trim();
            }
            else if (item is YamlMappingNode mapping)
            {
                foreach (var (k, v) in mapping.Children)
                {
                    if (k is YamlScalarNode { Value: "name" or "Name" } && v is YamlScalarNode { Value: { } name } && !string.IsNullOrWhiteSpace(name))
                    {
                        yield return name.Trim();
                    }
                }
            }
        }
    }

    private static void AddBlock(Block block, List<string> paragraphs, int depth)
    {
        if (depth > MaxBlockDepth)
        {
            return;
        }

        switch (block)
        {
            case HeadingBlock heading:
                Add(paragraphs, InlineText(heading.Inline));
                break;
            case ParagraphBlock paragraph:
                Add(paragraphs, InlineText(paragraph.Inline));
                break;
            case CodeBlock code:
                Add(paragraphs, code.Lines.ToString());
                break;
            case HtmlBlock or ThematicBreakBlock:
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AddBlock(child, paragraphs, depth + 1);
                }

                break;
            case LeafBlock leaf when leaf.Inline is not null:
                Add(paragraphs, InlineText(leaf.Inline));
                break;
        }
    }

    private static void Add(List<string> paragraphs, string text)
    {
        var clean = TextLines.Collapse(text);
        if (clean.Length > 0)
        {
            paragraphs.Add(clean);
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        AppendInline(inline, builder, 0);
        return builder.ToString();
    }

    private static void AppendInline(Inline inline, StringBuilder builder, int depth)
    {
        if (depth > MaxBlockDepth)
        {
            return;
        }

        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LinkInline { IsImage: true }:
                break;
            case HtmlInline:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(child, builder, depth + 1);
                }

                break;
        }
    }

    private sealed class FrontMatterFields
    {
        public string? Title { get; set; }

        public ParsedDate? Published { get; set; }

        public List<string> Authors { get; } = [];

        public string? SiteName { get; set; }

        public string? Url { get; set; }

        public string? Summary { get; set; }

        public List<string> Keywords { get; } = [];

        public string? Language { get; set; }
    }
}
