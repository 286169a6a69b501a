using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Archive.Core.Api;
using Archive.Core.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Archive.Functions;

/// <summary>
/// <c>GET /api/feed</c>: the newest 50 matches of a search as an Atom 1.0 feed (RFC 4287), with a strong ETag and
/// Last-Modified; <c>If-None-Match</c> (or, without it, <c>If-Modified-Since</c>) answers 304 when nothing changed.
/// </summary>
public sealed class Feed(ArticleFeedService feeds, ILogger<Feed> logger)
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    [Function(nameof(Feed))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "feed")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = ArticleQueryParser.ParseFilters(request.Query, "/api/feed", out var errors);
        if (query is null)
        {
            return Problems.Validation(errors, request.Path);
        }

        return await DependencyFailures.GuardAsync(logger, nameof(Feed), request, async () =>
        {
            var entries = await feeds.NewestAsync(query, cancellationToken).ConfigureAwait(false);
            var etag = ETagOf(request.QueryString.Value ?? "", entries);
            var updated = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.IngestedAt);
            var lastModified = new DateTimeOffset(updated.UtcTicks - (updated.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var headers = request.HttpContext.Response.Headers;
            headers.ETag = etag;
            headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
            headers.CacheControl = "no-cache";
            if (NotModified(request, etag, lastModified))
            {
                return new StatusCodeResult(StatusCodes.Status304NotModified);
            }

            return new ContentResult { Content = Write(request, query, entries, updated), ContentType = "application/atom+xml; charset=utf-8", StatusCode = StatusCodes.Status200OK };
        }).ConfigureAwait(false);
    }

    /// <summary>RFC 9110 §13.1.2 and §13.1.3: If-None-Match wins; If-Modified-Since is read only without it.</summary>
    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
        }

        return DateTimeOffset.TryParseExact(request.Headers.IfModifiedSince.ToString(), "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && lastModified <= since;
    }

    private static string ETagOf(string queryString, IReadOnlyList<ArticleDocument> entries)
    {
        var text = new StringBuilder(queryString).Append('\n');
        foreach (var e in entries)
        {
            text.Append(e.Id).Append('|').Append(e.BlobETag).Append('|').Append(e.IngestedAt.UtcTicks).Append('\n');
        }

        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32] + "\"";
    }

    private static string Write(HttpRequest request, ArticleQuery query, IReadOnlyList<ArticleDocument> entries, DateTimeOffset updated)
    {
        var origin = request.Scheme + "://" + request.Host.ToUriComponent() + request.PathBase.ToUriComponent();
        var path = request.Path.Value ?? "/api/feed";
        var apiPrefix = path.EndsWith("feed", StringComparison.Ordinal) ? path[..^"feed".Length] : "/api/";
        var self = origin + path + request.QueryString.ToUriComponent();
        var page = origin + apiPrefix + "ui";
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CheckCharacters = true }))
        {
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, self);
            xml.WriteElementString("title", AtomNamespace, Clean(Title(query)));
            xml.WriteElementString("updated", AtomNamespace, Date(updated));
            Link(xml, "self", "application/atom+xml", self);
            Link(xml, "alternate", "text/html", page + request.QueryString.ToUriComponent());
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, "Archive");
            xml.WriteEndElement();
            xml.WriteElementString("generator", AtomNamespace, "Archive");
            foreach (var entry in entries)
            {
                var view = page + "?article=" + Uri.EscapeDataString(entry.Id);
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, view);
                xml.WriteElementString("title", AtomNamespace, Clean(string.IsNullOrWhiteSpace(entry.Title) ? "(untitled)" : entry.Title));
                xml.WriteElementString("updated", AtomNamespace, Date(entry.IngestedAt));
                if (entry.PublishedAt is { } published)
                {
                    xml.WriteElementString("published", AtomNamespace, Date(published));
                }

                foreach (var author in entry.Authors ?? [])
                {
                    xml.WriteStartElement("author", AtomNamespace);
                    xml.WriteElementString("name", AtomNamespace, Clean(author));
                    xml.WriteEndElement();
                }

                Link(xml, "alternate", "text/html", view);
                if (Uri.TryCreate(entry.Url, UriKind.Absolute, out var source) && (source.Scheme == Uri.UriSchemeHttp || source.Scheme == Uri.UriSchemeHttps))
                {
                    Link(xml, "via", null, source.AbsoluteUri);
                }

                if (!string.IsNullOrWhiteSpace(entry.Summary) || !string.IsNullOrWhiteSpace(entry.SiteName))
                {
                    xml.WriteStartElement("summary", AtomNamespace);
                    xml.WriteAttributeString("type", "text");
                    xml.WriteString(Clean(string.IsNullOrWhiteSpace(entry.Summary) ? entry.SiteName! : entry.Summary!));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter xml, string rel, string? type, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        if (type is not null)
        {
            xml.WriteAttributeString("type", type);
        }

        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Title(ArticleQuery query)
    {
        var parts = new List<string>();
        if (query.Text is not null)
        {
            parts.Add("\u201C" + query.Text + "\u201D");
        }

        void Add(string label, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                parts.Add(label + ": " + string.Join(", ", values));
            }
        }

        Add("author", query.Authors);
        Add("site", query.Sites);
        Add("language", query.Languages);
        Add("tag", query.Tags);
        Add("person", query.People);
        Add("place", query.Places);
        Add("org", query.Organizations);
        return parts.Count == 0 ? "Archive: newest articles" : "Archive: " + string.Join("; ", parts);
    }

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates).</summary>
    private static string Clean(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(value[i]).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(value[i]))
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
