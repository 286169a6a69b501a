using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>
/// What the emulator implements, as allow-lists of the properties and parameters it reads. Anything else that is set
/// (not null, not an empty list) is refused with a 400 naming it, so code that relies on a feature the emulator does not
/// have fails here instead of passing locally and failing in Azure. Vector properties are listed because the emulator
/// handles them elsewhere.
/// </summary>
internal static class UnsupportedFeatures
{
    private static readonly HashSet<string> IndexProperties = new(StringComparer.Ordinal)
    {
        "name", "fields", "suggesters", "scoringProfiles", "defaultScoringProfile", "similarity", "vectorSearch",
        "@odata.etag", "@odata.context",

        // Allowed only empty or null; checked below.
        "analyzers", "tokenizers", "tokenFilters", "charFilters", "normalizers", "corsOptions", "encryptionKey", "semantic",
    };

    private static readonly Dictionary<string, string> IndexPropertyNames = new(StringComparer.Ordinal)
    {
        ["analyzers"] = "custom analyzers ('analyzers')",
        ["tokenizers"] = "custom tokenizers ('tokenizers')",
        ["tokenFilters"] = "custom token filters ('tokenFilters')",
        ["charFilters"] = "custom character filters ('charFilters')",
        ["normalizers"] = "normalizers ('normalizers')",
        ["corsOptions"] = "CORS options ('corsOptions')",
        ["encryptionKey"] = "customer-managed encryption keys ('encryptionKey')",
        ["semantic"] = "semantic ranker configurations ('semantic')",
    };

    private static readonly HashSet<string> FieldProperties = new(StringComparer.Ordinal)
    {
        "name", "type", "key", "retrievable", "searchable", "filterable", "sortable", "facetable", "analyzer",
        "searchAnalyzer", "indexAnalyzer", "synonymMaps", "fields", "dimensions", "vectorSearchProfile", "stored",
    };

    private static readonly HashSet<string> SearchParameters = new(StringComparer.Ordinal)
    {
        "count", "facets", "filter", "highlight", "highlightPostTag", "highlightPreTag", "minimumCoverage", "orderby",
        "queryType", "scoringParameters", "scoringProfile", "search", "searchFields", "searchMode", "select", "skip", "top",

        // A routing hint and a statistics scope: with one replica and one shard every value means the same.
        "sessionId", "scoringStatistics",
        "vectorQueries", "vectorFilterMode",
    };

    private static readonly HashSet<string> SuggestParameters = new(StringComparer.Ordinal)
    {
        "search", "suggesterName", "filter", "fuzzy", "highlightPreTag", "highlightPostTag", "minimumCoverage", "orderby",
        "searchFields", "select", "top",
    };

    private static readonly HashSet<string> AutocompleteParameters = new(StringComparer.Ordinal)
    {
        "search", "suggesterName", "autocompleteMode", "filter", "fuzzy", "highlightPreTag", "highlightPostTag",
        "minimumCoverage", "searchFields", "top",
    };

    private static readonly HashSet<string> SuggesterProperties = new(StringComparer.Ordinal) { "name", "searchMode", "sourceFields" };

    private static readonly Dictionary<string, string> SemanticParameters = new(StringComparer.Ordinal)
    {
        ["semanticConfiguration"] = "the semantic ranker",
        ["answers"] = "semantic answers",
        ["captions"] = "semantic captions",
        ["queryLanguage"] = "the semantic ranker and speller",
        ["speller"] = "the spell checker",
        ["semanticErrorHandling"] = "the semantic ranker",
        ["semanticMaxWaitInMilliseconds"] = "the semantic ranker",
        ["semanticQuery"] = "the semantic ranker",
        ["semanticFields"] = "the semantic ranker",
        ["debug"] = "query debugging",
    };

    /// <summary>Refuses index properties the emulator does not implement.</summary>
    public static void CheckIndex(JsonObject definition)
    {
        foreach (var (name, value) in definition)
        {
            if (!IndexProperties.Contains(name))
            {
                if (IsUnset(value))
                {
                    continue;
                }

                throw NotSupported($"The index property '{name}' is not supported by the emulator.");
            }

            if (IndexPropertyNames.TryGetValue(name, out var what) && !IsUnset(value))
            {
                throw NotSupported($"The index property '{name}' is set, but {what} are not supported by the emulator.");
            }
        }

        if (definition["suggesters"] is JsonArray suggesters)
        {
            foreach (var suggester in suggesters.OfType<JsonObject>())
            {
                foreach (var (name, value) in suggester)
                {
                    if (!SuggesterProperties.Contains(name) && !IsUnset(value))
                    {
                        throw NotSupported($"The suggester property '{name}' is not supported by the emulator.");
                    }
                }

                if (suggester["searchMode"] is JsonValue mode && mode.TryGetValue<string>(out var m) && m != "analyzingInfixMatching")
                {
                    throw SearchApiException.BadRequest($"The request is invalid. Details: suggesters : The suggester search mode '{m}' is not valid; the only mode is 'analyzingInfixMatching'.");
                }
            }
        }
    }

    /// <summary>Refuses field properties the emulator does not implement.</summary>
    public static void CheckField(JsonObject field, string fieldName)
    {
        foreach (var (name, value) in field)
        {
            if (name == "normalizer" && !IsUnset(value))
            {
                throw NotSupported($"The field property 'normalizer' of field '{fieldName}' is set, but normalizers are not supported by the emulator.");
            }

            if (!FieldProperties.Contains(name) && name != "normalizer" && !IsUnset(value))
            {
                throw NotSupported($"The field property '{name}' of field '{fieldName}' is not supported by the emulator.");
            }
        }
    }

    public static void CheckSearch(JsonObject body)
    {
        if (body["queryType"] is JsonValue q && q.TryGetValue<string>(out var queryType) && queryType == "semantic")
        {
            throw NotSupported("The parameter 'queryType' is 'semantic', but the semantic ranker is not supported by the emulator; use 'simple' or 'full'.");
        }

        Check(body, SearchParameters, "search");
    }

    public static void CheckSuggest(JsonObject body) => Check(body, SuggestParameters, "suggest");

    public static void CheckAutocomplete(JsonObject body) => Check(body, AutocompleteParameters, "autocomplete");

    /// <summary>A lookup by key reads only <c>$select</c>.</summary>
    public static void CheckLookup(IQueryCollection query)
    {
        foreach (var (name, _) in query)
        {
            if (name is not ("api-version" or "$select"))
            {
                throw NotSupported($"The parameter '{name}' is not supported by the emulator for document lookups.");
            }
        }
    }

    /// <summary>An index batch has only the <c>value</c> array.</summary>
    public static void CheckBatch(JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            if (name != "value" && !IsUnset(value))
            {
                throw NotSupported($"The property '{name}' of an index batch is not supported by the emulator.");
            }
        }
    }

    private static void Check(JsonObject body, HashSet<string> allowed, string operation)
    {
        foreach (var (name, value) in body)
        {
            if (allowed.Contains(name) || IsUnset(value))
            {
                continue;
            }

            throw SemanticParameters.TryGetValue(name, out var feature)
                ? NotSupported($"The parameter '{name}' needs {feature}, which is not supported by the emulator.")
                : NotSupported($"The parameter '{name}' is not supported by the emulator for {operation} requests.");
        }
    }

    private static bool IsUnset(JsonNode? value) => value is null || (value is JsonArray array && array.Count == 0);

    private static SearchApiException NotSupported(string message) =>
        SearchApiException.BadRequest("The request is invalid. Details: " + message, "FeatureNotSupportedByEmulator");
}
