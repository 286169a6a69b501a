using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Archive.SearchEmulator;

/// <summary>
/// Azure's documented service limits that a request can run into (Microsoft Learn, "Service limits in Azure AI
/// Search", API request limits): 16 MB per indexing or query request, 1,000 actions per batch, 10 fields in a vector
/// query; the term size and key length are checked where documents are read (<see cref="ItemOutcomes"/>,
/// <see cref="IndexBatchParser"/>), <c>$skip</c> and <c>$top</c> in <see cref="SearchRequest"/>.
/// </summary>
internal static class ServiceLimits
{
    /// <summary>"Supported maximum payload limit is 16 MB for indexing and query request".</summary>
    public const long MaxRequestBytes = 16L * 1024 * 1024;

    /// <summary>"Maximum 10 fields in a vector query".</summary>
    public const int MaxVectorQueryFields = 10;

    /// <summary>Caps the request body at 16 MB; a larger body is refused (413) before or while it is read.</summary>
    public static void LimitBody(HttpContext context)
    {
        if (context.Request.ContentLength > MaxRequestBytes)
        {
            throw TooLarge();
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = MaxRequestBytes;
        }
    }

    public static SearchApiException TooLarge() => new(
        413,
        "RequestEntityTooLarge",
        string.Create(CultureInfo.InvariantCulture, $"The request is too large. The maximum size of an indexing or query request is 16 MB ({MaxRequestBytes} bytes); send fewer or smaller documents per batch."));
}
