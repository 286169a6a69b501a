using System.CommandLine;
using System.Globalization;
using Archive.Core.Api;
using Spectre.Console;

namespace Archive.Cli;

/// <summary><c>archive search &lt;query&gt; [filters] [--json]</c>: calls the HTTP API.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var search = new SearchFilterOptions("Search text (simple syntax); omit to match everything.", "Show duplicates too.");
        var sort = new Option<string?>("--sort") { Description = "relevance, newest or oldest." };
        var page = new Option<int?>("--page") { Description = "Page number (1-based)." };
        var pageSize = new Option<int?>("--page-size") { Description = "Results per page (at most 100)." };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON instead of a table." };
        var command = new Command("search", "Search the archive through the HTTP API.") { sort, page, pageSize, json, ArchiveSettings.Api };
        search.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var parameters = search.Parameters(parse);
            void Add(string name, string? value) => SearchFilterOptions.Add(parameters, name, value);
            Add("sort", parse.GetValue(sort));
            Add("page", parse.GetValue(page)?.ToString(CultureInfo.InvariantCulture));
            Add("pageSize", parse.GetValue(pageSize)?.ToString(CultureInfo.InvariantCulture));

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

            using var http = new HttpClient();
            var client = new ArchiveApiClient(http, apiBase);
            int status;
            string body;
            ArticleSearchPage? result;
            try
            {
                (status, body, result) = await client.SearchAsync(parameters, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"Cannot reach the API at {apiBase}: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            if (result is null)
            {
                await Console.Error.WriteLineAsync(ArchiveApiClient.Describe(status, body)).ConfigureAwait(false);
                return 1;
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(body);
                return 0;
            }

            AnsiConsole.Write(Render(result));
            return 0;
        });
        return command;
    }

    /// <summary>A readable table of a page of results.</summary>
    public static Table Render(ArticleSearchPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var table = new Table()
            .Title(string.Create(CultureInfo.InvariantCulture, $"{page.Total} results, page {page.Page}"))
            .AddColumn("published").AddColumn("title").AddColumn("site").AddColumn("authors").AddColumn("id");
        foreach (var hit in page.Results)
        {
            table.AddRow(
                Markup.Escape(hit.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
                Markup.Escape(hit.Title),
                Markup.Escape(hit.SiteName ?? ""),
                Markup.Escape(string.Join(", ", hit.Authors)),
                Markup.Escape(hit.Id.Length > 24 ? hit.Id[..24] + "…" : hit.Id));
        }

        return table;
    }
}
