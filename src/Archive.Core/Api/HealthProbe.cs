using Archive.Core.Options;
using Azure;
using Azure.Search.Documents;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Archive.Core.Api;

/// <summary>Checks that storage (the articles container) and search (the index) answer, each within a few seconds.</summary>
public sealed class HealthProbe(SearchClient searchClient, BlobServiceClient blobService, IOptions<ArchiveOptions> options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Probes both dependencies in parallel.</summary>
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var storage = ProbeAsync(async token =>
        {
            var exists = await blobService.GetBlobContainerClient(options.Value.ArticlesContainer).ExistsAsync(token).ConfigureAwait(false);
            return exists.Value ? null : $"container '{options.Value.ArticlesContainer}' does not exist";
        }, cancellationToken);
        var search = ProbeAsync(async token =>
        {
            await searchClient.GetDocumentCountAsync(token).ConfigureAwait(false);
            return null;
        }, cancellationToken);
        await Task.WhenAll(storage, search).ConfigureAwait(false);
        var report = new HealthReport("ok", ArchiveInfo.Version, await storage.ConfigureAwait(false), await search.ConfigureAwait(false));
        return report.Healthy ? report : report with { Status = "unavailable" };
    }

    private static async Task<DependencyHealth> ProbeAsync(Func<CancellationToken, Task<string?>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var error = await probe(timeout.Token).ConfigureAwait(false);
            return new DependencyHealth(error is null, error);
        }
        catch (RequestFailedException e)
        {
            // Status 0: no HTTP answer at all (the SDK wraps connection failures).
            return new DependencyHealth(false, e.Status == 0 ? "unreachable" : $"{e.Status} {e.ErrorCode}".Trim());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DependencyHealth(false, "timed out");
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or IOException or System.Security.Authentication.AuthenticationException or InvalidOperationException)
        {
            // The anonymous endpoint names no host, path or exception message: only that the dependency did not answer.
            return new DependencyHealth(false, "unreachable");
        }
    }
}
