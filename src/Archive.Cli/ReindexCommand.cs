using System.CommandLine;
using Archive.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Archive.Cli;

/// <summary><c>archive reindex</c>: re-extract every blob and upload in batches of up to 1,000.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var batchSize = new Option<int>("--batch-size") { Description = "Documents per upload (1-1000).", DefaultValueFactory = _ => Reindexer.MaxBatchSize };
        var command = new Command("reindex", "Run extraction over every blob and upload the documents in batches (applies an improved extractor to the whole archive).") { batchSize };
        ArchiveSettings.AddStorageAndSearch(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(batchSize);
            if (size is < 1 or > Reindexer.MaxBatchSize)
            {
                await Console.Error.WriteLineAsync($"--batch-size must be between 1 and {Reindexer.MaxBatchSize}.").ConfigureAwait(false);
                return 2;
            }

            using var services = ArchiveSettings.BuildServices(parse);
            var reindexer = services.GetRequiredService<Reindexer>();
            ReindexProgress done = new(0, 0, 0, 0);
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Reindexing", maxValue: 1);
                    var progress = new Progress<ReindexProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Processed;
                    });
                    done = await reindexer.RunAsync(size, progress, cancellationToken).ConfigureAwait(false);
                    task.MaxValue = Math.Max(1, done.Total);
                    task.Value = task.MaxValue;
                }).ConfigureAwait(false);
            AnsiConsole.MarkupLineInterpolated($"blobs [bold]{done.Total}[/]: indexed [green]{done.Indexed}[/], rejected [red]{done.Rejected}[/]");
            return 0;
        });
        return command;
    }
}
