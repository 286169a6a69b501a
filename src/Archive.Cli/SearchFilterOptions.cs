using System.CommandLine;

namespace Archive.Cli;

/// <summary>
/// What <c>archive search</c> and <c>archive export</c> both send: the query, the repeatable filters, the date range and
/// the duplicates switch, read into the API's query parameters.
/// </summary>
internal sealed class SearchFilterOptions
{
    /// <summary>The repeatable filter options and the API parameter each sets.</summary>
    private static readonly (string Option, string Parameter, string Description)[] FilterNames =
    [
        ("--author", "author", "Author (repeatable)."),
        ("--site", "site", "Site name (repeatable)."),
        ("--language", "language", "ISO 639-1 language (repeatable)."),
        ("--tag", "tag", "Keyword (repeatable)."),
        ("--person", "person", "Person mentioned (repeatable)."),
        ("--place", "place", "Place mentioned (repeatable)."),
        ("--org", "org", "Organization mentioned (repeatable)."),
    ];

    private readonly Argument<string?> query;
    private readonly Option<string?> from = new("--from") { Description = "Published on or after (2024-05-31 or an ISO 8601 date-time)." };
    private readonly Option<string?> to = new("--to") { Description = "Published on or before." };
    private readonly Option<bool> duplicates;
    private readonly (string Parameter, Option<string[]> Option)[] filters =
        [.. FilterNames.Select(f => (f.Parameter, new Option<string[]>(f.Option) { Description = f.Description, AllowMultipleArgumentsPerToken = false }))];

    public SearchFilterOptions(string queryDescription, string duplicatesDescription)
    {
        query = new Argument<string?>("query") { Description = queryDescription, Arity = ArgumentArity.ZeroOrOne };
        duplicates = new Option<bool>("--include-duplicates") { Description = duplicatesDescription };
    }

    /// <summary>Adds the query argument and the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(query);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(duplicates);
        foreach (var (_, option) in filters)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The API parameters given on the command line (empty values left out).</summary>
    public List<KeyValuePair<string, string>> Parameters(ParseResult parse)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        Add(parameters, "q", parse.GetValue(query));
        foreach (var (parameter, option) in filters)
        {
            foreach (var value in parse.GetValue(option) ?? [])
            {
                Add(parameters, parameter, value);
            }
        }

        Add(parameters, "from", parse.GetValue(from));
        Add(parameters, "to", parse.GetValue(to));
        if (parse.GetValue(duplicates))
        {
            Add(parameters, "includeDuplicates", "true");
        }

        return parameters;
    }

    /// <summary>Adds <paramref name="name"/>=<paramref name="value"/> unless the value is empty.</summary>
    public static void Add(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters.Add(new(name, value));
        }
    }
}
