using System.CommandLine;
using Azure.Storage.Blobs;
using Spectre.Console;

namespace Archive.Cli;

/// <summary><c>archive upload &lt;files or folders&gt;</c>.</summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (recursive) to upload.", Arity = ArgumentArity.OneOrMore };
        var prefix = new Option<string?>("--prefix") { Description = "Folder inside the container to upload under." };
        var parallel = new Option<int>("--parallel") { Description = "Concurrent uploads.", DefaultValueFactory = _ => 8 };
        var command = new Command("upload", "Upload articles to the articles container (skips files whose MD5 is unchanged).") { paths, prefix, parallel };
        command.Options.Add(ArchiveSettings.Connection);
        command.Options.Add(ArchiveSettings.Container);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = ArchiveSettings.BuildConfiguration(parse);
            var container = new BlobServiceClient(configuration["ArticlesStorage"])
                .GetBlobContainerClient(configuration["Archive:ArticlesContainer"] ?? "articles");
            IReadOnlyList<(string File, string BlobName)> files;
            try
            {
                files = Uploader.Expand(parse.GetValue(paths) ?? [], parse.GetValue(prefix));
            }
            catch (FileNotFoundException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 2;
            }

            UploadSummary summary = null!;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Uploading {files.Count} files to {container.Name}", maxValue: Math.Max(1, files.Count));
                    summary = await new Uploader(container).UploadAsync(files, parse.GetValue(parallel), () => task.Increment(1), cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                }).ConfigureAwait(false);

            foreach (var (file, error) in summary.Failures)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]failed[/] {file}: {error}");
            }

            AnsiConsole.MarkupLineInterpolated($"uploaded [green]{summary.Uploaded}[/], skipped [grey]{summary.Skipped}[/], failed [red]{summary.Failed}[/]");
            return summary.Failed == 0 ? 0 : 1;
        });
        return command;
    }
}
