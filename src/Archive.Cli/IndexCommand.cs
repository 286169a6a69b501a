using System.CommandLine;
using Archive.Core.Options;
using Archive.Core.Search;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Archive.Cli;

/// <summary><c>archive index ensure|stats</c>.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var ensure = new Command("ensure", "Create the index, or update its schema to the current one.");
        ensure.SetAction(async (parse, cancellationToken) =>
        {
            using var services = ArchiveSettings.BuildServices(parse);
            var index = await services.GetRequiredService<SearchIndexCheck>().EnsureAsync(cancellationToken).ConfigureAwait(false);
            AnsiConsole.MarkupLineInterpolated($"index [green]{index.Name}[/] is up to date ({index.Fields.Count} fields, suggester {ArticleIndex.SuggesterName})");
            return 0;
        });

        var stats = new Command("stats", "Print the document count and storage size of the index.");
        stats.SetAction(async (parse, cancellationToken) =>
        {
            using var services = ArchiveSettings.BuildServices(parse);
            var name = services.GetRequiredService<IOptions<SearchServiceOptions>>().Value.IndexName;
            try
            {
                var statistics = (await services.GetRequiredService<SearchIndexClient>().GetIndexStatisticsAsync(name, cancellationToken).ConfigureAwait(false)).Value;
                AnsiConsole.MarkupLineInterpolated($"index [green]{name}[/]: {statistics.DocumentCount} documents, {statistics.StorageSize} bytes");
            }
            catch (RequestFailedException e) when (e.Status is 404 or 501 or 400)
            {
                var count = (await services.GetRequiredService<SearchClient>().GetDocumentCountAsync(cancellationToken).ConfigureAwait(false)).Value;
                AnsiConsole.MarkupLineInterpolated($"index [green]{name}[/]: {count} documents");
            }

            return 0;
        });

        var command = new Command("index", "Manage the search index.") { ensure, stats };
        ArchiveSettings.AddStorageAndSearch(command);
        return command;
    }
}
