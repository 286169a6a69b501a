using System.Text;
using AngleSharp.Dom;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Turns a DOM subtree into clean plain text: block elements become paragraphs separated by a blank line, &lt;br&gt;
/// a line break, whitespace collapsed, scripts, styles, forms controls and captions skipped. Walks iteratively, so
/// depth never threatens the stack.
/// </summary>
internal static class PlainTextWriter
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "figure", "hr", "address", "aside", "nav", "details",
        "summary", "form", "fieldset", "center", "tbody", "thead", "tfoot", "caption", "body", "html",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "button", "select", "input", "textarea", "iframe", "object",
        "embed", "canvas", "audio", "video", "map", "head", "figcaption", "math", "picture", "label", "option", "title",
    };

    /// <summary>The text of <paramref name="root"/> as paragraphs.</summary>
    public static string Write(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var pendingSpace = false;
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                AppendText(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                if (node.NodeType is NodeType.Document or NodeType.DocumentFragment)
                {
                    PushChildren(node);
                }

                continue;
            }

            var tag = element.LocalName;
            if (exit)
            {
                if (BlockTags.Contains(tag))
                {
                    Flush();
                }

                continue;
            }

            if (SkippedTags.Contains(tag))
            {
                continue;
            }

            if (tag == "br")
            {
                TrimEnd(current);
                if (current.Length > 0)
                {
                    current.Append('\n');
                }

                pendingSpace = false;
                continue;
            }

            var block = BlockTags.Contains(tag);
            if (block)
            {
                Flush();
            }
            else if (tag is "td" or "th")
            {
                pendingSpace = current.Length > 0;
            }

            stack.Push((node, true));
            PushChildren(node);
        }

        Flush();
        return string.Join("\n\n", paragraphs);

        void PushChildren(INode parent)
        {
            var children = parent.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }

        void AppendText(string data)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\u00AD')
                {
                    pendingSpace = c != '\u200B' && c != '\u00AD' || pendingSpace;
                    continue;
                }

                if (pendingSpace && current.Length > 0 && current[^1] != '\n')
                {
                    current.Append(' ');
                }

                pendingSpace = false;
                current.Append(c);
            }
        }

        void Flush()
        {
            TrimEnd(current);
            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }

            pendingSpace = false;
        }
    }

    private static void TrimEnd(StringBuilder builder)
    {
        while (builder.Length > 0 && char.IsWhiteSpace(builder[^1]))
        {
            builder.Length--;
        }
    }
}
