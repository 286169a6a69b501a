using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>The parameters of a search (POST body or GET query string), with Azure's limits checked.</summary>
internal sealed record SearchRequest(
    string? Search,
    string SearchMode,
    string QueryType,
    string? SearchFields,
    string? Filter,
    string? OrderBy,
    string? Select,
    int? Top,
    int Skip,
    bool Count,
    IReadOnlyList<string> Facets,
    string? Highlight,
    string HighlightPreTag,
    string HighlightPostTag,
    double? MinimumCoverage)
{
    /// <summary>The <c>scoringProfile</c> parameter, or null.</summary>
    public string? ScoringProfile { get; init; }

    /// <summary>The <c>scoringParameters</c> (<c>name-value1,value2</c>).</summary>
    public IReadOnlyList<string> ScoringParameters { get; init; } = [];

    public const int MaxSkip = 100000;

    public static SearchRequest FromBody(JsonObject body)
    {
        UnsupportedFeatures.CheckSearch(body);
        var facets = body["facets"] switch
        {
            null => [],
            JsonArray array => array.Select(f => f?.GetValue<string>() ?? string.Empty).ToList(),
            _ => throw SearchApiException.BadRequest("The request is invalid. Details: facets : An array of strings was expected."),
        };
        var searchMode = Text(body, "searchMode") ?? "any";
        if (searchMode is not ("any" or "all"))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: searchMode : '{searchMode}' is not a valid search mode; use 'any' or 'all'.");
        }

        var queryType = Text(body, "queryType") ?? "simple";
        if (queryType is not ("simple" or "full"))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: queryType : The query type '{queryType}' is not supported by the emulator; use 'simple' or 'full'.");
        }

        var skip = Integer(body, "skip") ?? 0;
        if (skip is < 0 or > MaxSkip)
        {
            throw new SearchApiException(400, "ParameterValueOutOfRange", "Value must be between 0 and 100000.\r\nParameter name: $skip");
        }

        var top = Integer(body, "top");
        if (top is < 0)
        {
            throw new SearchApiException(400, "ParameterValueOutOfRange", "Value must be greater than or equal to 0.\r\nParameter name: $top");
        }

        return new SearchRequest(
            Text(body, "search"), searchMode, queryType, Text(body, "searchFields"), Text(body, "filter"), Text(body, "orderby"),
            Text(body, "select"), top, skip, Boolean(body, "count"), facets, Text(body, "highlight"),
            Text(body, "highlightPreTag") ?? "<em>", Text(body, "highlightPostTag") ?? "</em>",
            body["minimumCoverage"] is JsonValue c ? c.GetValue<double>() : null)
        {
            ScoringProfile = Text(body, "scoringProfile"),
            ScoringParameters = body["scoringParameters"] switch
            {
                null => [],
                JsonArray array => array.Select(p => p?.GetValue<string>() ?? string.Empty).ToList(),
                _ => throw SearchApiException.BadRequest("The request is invalid. Details: scoringParameters : An array of strings was expected."),
            },
        };
    }

    /// <summary>Turns the GET form's query string into the POST body it stands for.</summary>
    public static JsonObject BodyFromQuery(IQueryCollection query)
    {
        var body = new JsonObject();
        foreach (var (key, values) in query)
        {
            var name = key.TrimStart('$');
            switch (name)
            {
                case "api-version":
                    break;
                case "facet":
                    body["facets"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
                    break;
                case "scoringParameter":
                    body["scoringParameters"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
                    break;
                case "fuzzy":
                    body["fuzzy"] = string.Equals(values.ToString(), "true", StringComparison.OrdinalIgnoreCase);
                    break;
                case "top" or "skip":
                    body[name] = int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                        ? n
                        : throw SearchApiException.BadRequest($"Invalid value '{values}' for ${name}.");
                    break;
                case "count":
                    body["count"] = string.Equals(values.ToString(), "true", StringComparison.OrdinalIgnoreCase);
                    break;
                case "minimumCoverage":
                    body[name] = double.TryParse(values.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var coverage)
                        ? coverage
                        : throw SearchApiException.BadRequest($"Invalid value '{values}' for minimumCoverage.");
                    break;
                default:
                    body[name] = values.ToString();
                    break;
            }
        }

        return body;
    }

    private static string? Text(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw SearchApiException.BadRequest($"The request is invalid. Details: {name} : A string was expected."),
    };

    private static int? Integer(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => throw SearchApiException.BadRequest($"The request is invalid. Details: {name} : An integer was expected."),
    };

    private static bool Boolean(JsonObject body, string name) => body[name] switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw SearchApiException.BadRequest($"The request is invalid. Details: {name} : A boolean was expected."),
    };
}
