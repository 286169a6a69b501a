using System.CommandLine;
using Archive.Core.Ingestion;
using Archive.Core.Options;
using Azure.Identity;
using Azure.Search.Documents;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archive.Cli.Poison;

/// <summary>
/// <c>archive replay-poison</c>: ingests every blob in the blob trigger's poison queue again (once search is back)
/// and deletes each message after success. Re-running the ingestion directly, rather than re-touching the blob, works
/// the same on the dev host and in Azure: touching metadata raises no BlobCreated event for the Event Grid trigger, a
/// re-upload would change the blob, and the command sees each outcome before it deletes the message.
/// </summary>
internal static class ReplayPoisonCommand
{
    public static Command Create()
    {
        var queueConnection = new Option<string?>("--queue-connection")
        {
            Description = "Connection string of the Functions host storage that holds the poison queue (default: $AzureWebJobsStorage, else the articles storage).",
        };
        var queueName = new Option<string>("--queue") { Description = "The poison queue.", DefaultValueFactory = _ => PoisonReplayer.DefaultQueue };
        var function = new Option<string>("--function") { Description = "Replay messages of this function only.", DefaultValueFactory = _ => "IngestArticle" };
        var parallelism = new Option<int>("--parallelism") { Description = "Blobs ingested at once (1-32).", DefaultValueFactory = _ => 4 };
        var quiet = new Option<bool>("--quiet") { Description = "Print the summary only." };
        var command = new Command("replay-poison", "Ingest again the blobs the blob trigger gave up on (its poison queue), deleting each message after success.")
        {
            queueConnection, queueName, function, parallelism, quiet,
        };
        ArchiveSettings.AddStorageAndSearch(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var degree = parse.GetValue(parallelism);
            if (degree is < 1 or > 32)
            {
                await Console.Error.WriteLineAsync("--parallelism must be between 1 and 32.").ConfigureAwait(false);
                return 2;
            }

            using var services = ArchiveSettings.BuildServices(parse);
            var configuration = ArchiveSettings.BuildConfiguration(parse);
            var queue = PoisonQueue(parse.GetValue(queueConnection) ?? configuration["AzureWebJobsStorage"], configuration["AzureWebJobsStorage:queueServiceUri"], services, parse.GetValue(queueName)!);
            var articles = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(services.GetRequiredService<IOptions<ArchiveOptions>>().Value.ArticlesContainer);
            var replayer = new PoisonReplayer(queue, articles, services.GetRequiredService<IArticleIngestor>(), services.GetRequiredService<SearchClient>());
            try
            {
                await replayer.CheckSearchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync("replay-poison: " + e.Message).ConfigureAwait(false);
                return 1;
            }

            var summary = await replayer.RunAsync(parse.GetValue(function)!, degree, parse.GetValue(quiet) ? null : Console.WriteLine, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(
                $"replay-poison: {summary.Replayed} replayed from {queue.Name} (indexed {summary.Indexed}, unchanged {summary.Unchanged}, " +
                $"rejected {summary.Rejected}, blob gone {summary.Missing}), {summary.Skipped} left for other functions, {summary.Failures.Count} failed");
            if (summary.Failures.Count == 0)
            {
                return 0;
            }

            foreach (var failure in summary.Failures)
            {
                await Console.Error.WriteLineAsync("  failed: " + failure).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync(
                $"replay-poison: {summary.Failures.Count} message(s) could not be replayed and stay in {queue.Name}; run the command again when search and storage answer.").ConfigureAwait(false);
            return 1;
        });
        return command;
    }

    private static QueueClient PoisonQueue(string? connection, string? queueServiceUri, ServiceProvider services, string name)
    {
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return new QueueClient(connection, name);
        }

        if (Uri.TryCreate(queueServiceUri, UriKind.Absolute, out var uri))
        {
            return new QueueServiceClient(uri, new DefaultAzureCredential()).GetQueueClient(name);
        }

        // Host storage and articles storage are often the same account.
        return services.GetRequiredService<QueueServiceClient>().GetQueueClient(name);
    }
}
