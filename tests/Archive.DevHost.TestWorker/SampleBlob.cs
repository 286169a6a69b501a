using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.DevHost.TestWorker;

/// <summary>
/// Blob trigger on "samples" (named by the setting Samples__Container, as the app names its container): records every attempt as markers/attempts/{name}/{invocation id}; throws when the blob
/// contains FAIL, otherwise writes markers/blob/{name} with the blob's content.
/// </summary>
public sealed partial class SampleBlob(Markers markers, ILogger<SampleBlob> logger)
{
    [Function(nameof(SampleBlob))]
    public async Task RunAsync(
        [BlobTrigger("%Samples:Container%/{name}", Source = BlobTriggerSource.EventGrid, Connection = "TestStorage")] string content,
        string name,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        await markers.WriteAsync($"attempts/{name}/{context.InvocationId}", content, cancellationToken).ConfigureAwait(false);
        if (content.Contains("FAIL", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refusing {name}: content contains FAIL");
        }

        await markers.WriteAsync($"blob/{name}", content, cancellationToken).ConfigureAwait(false);
        LogProcessed(logger, name, content.Length);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Processed blob {Name} ({Length} chars)")]
    private static partial void LogProcessed(ILogger logger, string name, int length);
}
