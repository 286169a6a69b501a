using System.Security.Cryptography;
using Archive.Core.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Archive.Functions;

/// <summary>Cache headers of the read API: what may be kept, for how long, and when a 304 answers instead.</summary>
internal static class HttpCaching
{
    /// <summary>
    /// Search and suggestion answers: a browser may reuse them for 10 seconds (new articles show up after at most
    /// that), never a shared cache (behind Easy Auth an answer belongs to the signed-in user).
    /// </summary>
    public const string SearchResults = "private, max-age=10";

    /// <summary>Documents and originals: kept, but revalidated each time with their ETag (a cheap 304).</summary>
    public const string Revalidate = "private, no-cache";

    /// <summary>A strong ETag of the document as it is served (any field changed, the tag changes).</summary>
    public static string ETagOf(ArticleDocument document)
    {
        var json = ArticleIndex.Serializer.Serialize(document).ToMemory().Span;
        return "\"" + Convert.ToBase64String(SHA256.HashData(json)[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>True when the request's If-None-Match names <paramref name="etag"/> (or <c>*</c>).</summary>
    public static bool NotModified(HttpRequest request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var target = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(target, useStrongComparison: false));
    }
}
