using System.CommandLine;
using Archive.Core.Ingestion;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Cli.Poison;

/// <summary>
/// <c>archive replay-deadletters</c>: replays the events Event Grid dead-lettered (both subscriptions write to one
/// container) through the same ingestion and removal as the functions, deleting each dead-letter blob after success.
/// </summary>
internal static class ReplayDeadLettersCommand
{
    public static Command Create()
    {
        var container = new Option<string>("--container") { Description = "The dead-letter container.", DefaultValueFactory = _ => "event-deadletters" };
        var quiet = new Option<bool>("--quiet") { Description = "Print the summary only." };
        var command = new Command("replay-deadletters", "Replay the Event Grid events that could not be delivered (ingest created blobs, remove deleted ones).")
        {
            container, quiet,
        };
        ArchiveSettings.AddStorageAndSearch(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = ArchiveSettings.BuildServices(parse);
            var deadLetters = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(parse.GetValue(container));
            if (!(await deadLetters.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
            {
                await Console.Error.WriteLineAsync($"replay-deadletters: the container '{deadLetters.Name}' does not exist (nothing was dead-lettered, or another --container).").ConfigureAwait(false);
                return 1;
            }

            var replayer = ActivatorUtilities.CreateInstance<DeadLetterReplayer>(services);
            var summary = await replayer.RunAsync(deadLetters, parse.GetValue(quiet) ? null : Console.WriteLine, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(
                $"replay-deadletters: {summary.Files} file(s) from {deadLetters.Name}: {summary.Ingested} ingested, {summary.Removed} removed, " +
                $"{summary.Ignored} ignored (other containers or types), {summary.Failures.Count} failed");
            foreach (var failure in summary.Failures)
            {
                await Console.Error.WriteLineAsync("  failed: " + failure).ConfigureAwait(false);
            }

            return summary.Failures.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
