using System.CommandLine;
using Archive.Core.Options;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archive.Cli.Bridge;

/// <summary><c>archive bridge</c>: local Event Grid stand-in for <c>func start</c>.</summary>
internal static class BridgeCommand
{
    public static Command Create()
    {
        var functionsUrl = new Option<string>("--functions-url")
        {
            Description = "The Functions host to post BlobCreated events to.",
            DefaultValueFactory = _ => ArchiveSettings.LocalApi,
        };
        var function = new Option<string>("--function")
        {
            Description = "The blob-triggered function the events are for.",
            DefaultValueFactory = _ => "IngestArticle",
        };
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between scans of the container.",
            DefaultValueFactory = _ => 1.0,
        };
        var deletionsOnly = new Option<bool>("--deletions-only")
        {
            Description = "Deliver only BlobDeleted events (when the host has its own blob listener, like the dev host).",
        };
        var command = new Command("bridge", "Watch the articles container (Azurite) and deliver Event Grid events to a local Functions host: BlobCreated to its blob webhook, BlobDeleted to the deletions queue.")
        {
            functionsUrl, function, interval, deletionsOnly,
        };
        ArchiveSettings.AddStorageAndSearch(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(functionsUrl), UriKind.Absolute, out var url))
            {
                Console.Error.WriteLine($"error: --functions-url '{parse.GetValue(functionsUrl)}' is not an absolute URL");
                return 2;
            }

            if (parse.GetValue(interval) is var seconds && seconds is <= 0 or > 3600)
            {
                Console.Error.WriteLine("error: --interval must be between 0 and 3600 seconds");
                return 2;
            }

            using var services = ArchiveSettings.BuildServices(parse);
            var archive = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(archive.ArticlesContainer);
            var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(archive.DeletionsQueue);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
            var webhook = parse.GetValue(deletionsOnly) ? null : BlobEventBridge.WebhookFor(url, parse.GetValue(function)!);
            var bridge = new BlobEventBridge(container, queue, http, webhook, TimeProvider.System);
            Console.WriteLine($"bridge: {container.Uri} → {webhook?.ToString() ?? "(creations not posted)"}; deletions → queue {queue.Name}; Ctrl-C stops");
            try
            {
                await bridge.RunAsync(TimeSpan.FromSeconds(seconds), scan => Console.WriteLine($"bridge: {scan.Created} created, {scan.Deleted} deleted, {scan.Failed} not delivered (retried)"), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C.
            }

            return 0;
        });
        return command;
    }
}
