using System.CommandLine;
using Spectre.Console;

namespace Archive.Cli;

/// <summary><c>archive export [query] [filters] --format csv|jsonl [--fields f,g] -o file</c>: every match, through the HTTP API.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var search = new SearchFilterOptions("Search text (simple syntax); omit to export everything.", "Export duplicates too.");
        var format = new Option<string>("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var fields = new Option<string?>("--fields") { Description = "Comma-separated fields (default: all but body; add body to get it)." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write.", Required = true };
        var command = new Command("export", "Export every match of a search to a CSV or JSONL file through the HTTP API.") { format, fields, output, ArchiveSettings.Api };
        search.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var parameters = search.Parameters(parse);
            void Add(string name, string? value) => SearchFilterOptions.Add(parameters, name, value);

            var formatValue = parse.GetValue(format) ?? "csv";
            Add("format", formatValue);
            Add("fields", parse.GetValue(fields));
            var path = Path.GetFullPath(parse.GetValue(output)!);
            Uri apiBase;
            try
            {
                apiBase = ArchiveSettings.ApiBase(parse);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 2;
            }

            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var uri = new ArchiveApiClient(http, apiBase).ExportUri(parameters);
            ExportDownload.Result result;
            try
            {
                result = null!;
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"Exporting to {Path.GetFileName(path)}", maxValue: 1);
                        result = await ExportDownload.RunAsync(
                            http, uri, path, formatValue == "csv",
                            total => task.MaxValue = Math.Max(1, total ?? 1),
                            rows => task.Value = Math.Min(rows, task.MaxValue),
                            cancellationToken).ConfigureAwait(false);
                        task.Value = task.MaxValue;
                    }).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"Cannot reach the API at {apiBase}: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            if (result.Problem is not null)
            {
                await Console.Error.WriteLineAsync(ArchiveApiClient.Describe(result.Status, result.Problem)).ConfigureAwait(false);
                return 1;
            }

            if (!result.Complete)
            {
                await Console.Error.WriteLineAsync($"The export stopped after {result.Rows} of {result.Total} rows; what arrived is in {path}.partial. Run it again.").ConfigureAwait(false);
                return 1;
            }

            AnsiConsole.MarkupLineInterpolated($"exported [green]{result.Rows}[/] rows to {path}");
            return 0;
        });
        return command;
    }
}
