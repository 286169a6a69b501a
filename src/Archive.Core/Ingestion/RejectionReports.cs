using System.Text.Json;
using Archive.Core.Options;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>Writes, lists and clears rejection reports in the rejected container (never touches the originals).</summary>
public sealed class RejectionReports(BlobServiceClient blobService, IOptions<ArchiveOptions> options)
{
    /// <summary>The suffix appended to the blob path.</summary>
    public const string Suffix = ".error.json";

    private const string ETagMetadata = "blobetag";

    private const string CodeMetadata = "code";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private BlobContainerClient Container => blobService.GetBlobContainerClient(options.Value.RejectedContainer);

    /// <summary>The report's blob name for <paramref name="blobPath"/>.</summary>
    public static string ReportName(string blobPath) => blobPath + Suffix;

    /// <summary>Writes (or replaces) the report for <paramref name="report"/>'s blob.</summary>
    public async Task WriteAsync(RejectionReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var content = BinaryData.FromObjectAsJson(report, Json);
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { [ETagMetadata] = Normalize(report.BlobETag), [CodeMetadata] = report.Code },
        };
        var blob = Container.GetBlobClient(ReportName(report.BlobPath));
        try
        {
            await blob.UploadAsync(content, upload, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await blob.UploadAsync(content, upload, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the report of <paramref name="blobPath"/>, if any (after the blob was indexed).</summary>
    public async Task DeleteAsync(string blobPath, CancellationToken cancellationToken)
    {
        try
        {
            await Container.GetBlobClient(ReportName(blobPath)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No reports at all.
        }
    }

    /// <summary>The (unquoted) ETag of the rejected version of <paramref name="blobPath"/>, or null when it has no report.</summary>
    public async Task<string?> RejectedETagAsync(string blobPath, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await Container.GetBlobClient(ReportName(blobPath)).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return properties.Metadata.TryGetValue(ETagMetadata, out var etag) ? etag : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every report: blob path → the (unquoted) ETag of the version that was rejected.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in Container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
            {
                if (item.Name.EndsWith(Suffix, StringComparison.Ordinal) && item.Metadata.TryGetValue(ETagMetadata, out var etag))
                {
                    result[item.Name[..^Suffix.Length]] = etag;
                }
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No reports yet.
        }

        return result;
    }

    /// <summary>
    /// How many reports there are per error code. The code is read from the report's metadata; a report written
    /// before the code was kept there is read once to find it (an unreadable one counts as <c>unknown</c>).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByCodeAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in Container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
            {
                if (!item.Name.EndsWith(Suffix, StringComparison.Ordinal))
                {
                    continue;
                }

                var code = item.Metadata.TryGetValue(CodeMetadata, out var c) ? c : await ReadCodeAsync(item.Name, cancellationToken).ConfigureAwait(false);
                counts[code] = counts.GetValueOrDefault(code) + 1;
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No reports yet.
        }

        return counts;
    }

    private async Task<string> ReadCodeAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
            return content.ToObjectFromJson<RejectionReport>(Json)?.Code is { Length: > 0 } code ? code : "unknown";
        }
        catch (Exception e) when (e is JsonException or RequestFailedException or NotSupportedException)
        {
            return "unknown";
        }
    }

    /// <summary>An ETag without its quotes, as stored in the report's metadata.</summary>
    public static string Normalize(string etag) => (etag ?? "").Trim('"');
}
