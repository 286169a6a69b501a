using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Archive.SearchEmulator;

/// <summary>An index definition: the JSON as given (unknown properties kept) plus the parsed fields and suggesters.</summary>
internal sealed partial class IndexSchema
{
    private IndexSchema(string name, JsonObject definition, IReadOnlyList<SchemaField> fields, IReadOnlyDictionary<string, Suggester> suggesters, double k1, double b, VectorSearchSettings vectorSearch)
    {
        VectorSearch = vectorSearch;
        Name = name;
        Definition = definition;
        Fields = fields;
        FieldsByName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Key = fields.Single(f => f.Key);
        Suggesters = suggesters;
        SuggestSourceFields = suggesters.Values.SelectMany(s => s.SourceFields).ToHashSet(StringComparer.Ordinal);
        K1 = k1;
        B = b;
    }

    public string Name { get; }

    /// <summary>The definition with defaults filled in; unknown properties are kept verbatim.</summary>
    public JsonObject Definition { get; }

    public IReadOnlyList<SchemaField> Fields { get; }

    public IReadOnlyDictionary<string, SchemaField> FieldsByName { get; }

    public SchemaField Key { get; }

    public IReadOnlyDictionary<string, Suggester> Suggesters { get; }

    /// <summary>The fields any suggester draws from.</summary>
    public IReadOnlySet<string> SuggestSourceFields { get; }

    public double K1 { get; }

    /// <summary>The <c>vectorSearch</c> section: algorithms and profiles.</summary>
    public VectorSearchSettings VectorSearch { get; }

    /// <summary>The index's scoring profiles by name.</summary>
    public IReadOnlyDictionary<string, ScoringProfile> ScoringProfiles { get; private init; } = new Dictionary<string, ScoringProfile>();

    /// <summary>The profile used when a search names none, or null.</summary>
    public string? DefaultScoringProfile { get; private init; }

    public double B { get; }

    public static bool IsValidIndexName(string name) =>
        name.Length is >= 2 and <= 128 && IndexNamePattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal)
        && !name.Contains("__", StringComparison.Ordinal);

    /// <summary>Parses and validates a definition; throws <see cref="SearchApiException"/> (400) when it is invalid.</summary>
    public static IndexSchema Parse(JsonObject definition, string? expectedName)
    {
        var name = definition["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(name))
        {
            name = expectedName;
            definition["name"] = name;
        }

        if (expectedName is not null && !string.Equals(name, expectedName, StringComparison.Ordinal))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: The index name '{name}' in the request body does not match the index name '{expectedName}' in the request URI.");
        }

        if (name is null || !IsValidIndexName(name))
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: index name '{name}': Index names must be 2-128 characters long, contain only lowercase letters, digits or dashes, start with a letter or digit and not contain consecutive dashes.", "InvalidName");
        }

        UnsupportedFeatures.CheckIndex(definition);
        if (definition["fields"] is not JsonArray fieldArray)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: index : The index '{name}' must have at least one field.");
        }

        var vectorSearch = VectorSearchSettings.Parse(definition);
        var fields = new List<SchemaField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in fieldArray)
        {
            if (node is not JsonObject fieldJson)
            {
                throw SearchApiException.BadRequest("The request is invalid. Details: fields : Each field must be an object.");
            }

            var field = ParseField(fieldJson, vectorSearch);
            if (!seen.Add(field.Name))
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The field '{field.Name}' is defined more than once.");
            }

            fields.Add(field);
        }

        var keys = fields.Count(f => f.Key);
        if (keys != 1)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: index : Found {keys} key fields in index '{name}'. Each index must have exactly one key field.");
        }

        var key = fields.Single(f => f.Key);
        if (key.Kind != FieldKind.String || key.IsCollection)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The key field '{key.Name}' must be of type Edm.String.");
        }

        var suggesters = new Dictionary<string, Suggester>(StringComparer.Ordinal);
        if (definition["suggesters"] is JsonArray suggesterArray)
        {
            foreach (var node in suggesterArray)
            {
                var sgName = node?["name"]?.GetValue<string>();
                var sources = (node?["sourceFields"] as JsonArray)?.Select(x => x?.GetValue<string>() ?? string.Empty).ToList() ?? [];
                if (string.IsNullOrEmpty(sgName) || sources.Count == 0)
                {
                    throw SearchApiException.BadRequest("The request is invalid. Details: suggesters : A suggester needs a name and at least one source field.");
                }

                foreach (var source in sources)
                {
                    if (!fields.Any(f => f.Name == source && f.Kind == FieldKind.String && f.Searchable))
                    {
                        throw SearchApiException.BadRequest($"The request is invalid. Details: suggesters : The field '{source}' of suggester '{sgName}' must be a searchable field of type Edm.String or Collection(Edm.String).");
                    }
                }

                suggesters[sgName] = new Suggester(sgName, sources);
            }
        }
        else
        {
            definition["suggesters"] = new JsonArray();
        }

        double k1 = 1.2, b = 0.75;
        if (definition["similarity"] is JsonObject similarity)
        {
            var type = similarity["@odata.type"]?.GetValue<string>();
            if (type is not null && type != "#Microsoft.Azure.Search.BM25Similarity")
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: similarity : Only #Microsoft.Azure.Search.BM25Similarity is supported, not '{type}'.");
            }

            k1 = similarity["k1"] is JsonValue k ? k.GetValue<double>() : k1;
            b = similarity["b"] is JsonValue bb ? bb.GetValue<double>() : b;
        }

        foreach (var property in new[] { "scoringProfiles", "analyzers", "tokenizers", "tokenFilters", "charFilters", "normalizers" })
        {
            definition[property] ??= new JsonArray();
        }

        var profiles = global::Archive.SearchEmulator.ScoringProfiles.Parse(definition, fields);
        return new IndexSchema(name, definition, fields, suggesters, k1, b, vectorSearch)
        {
            ScoringProfiles = profiles,
            DefaultScoringProfile = definition["defaultScoringProfile"]?.GetValue<string>(),
        };
    }

    private static SchemaField ParseField(JsonObject json, VectorSearchSettings vectorSearch)
    {
        var name = json["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
        if (!FieldNamePattern().IsMatch(name) || name.StartsWith("azureSearch", StringComparison.Ordinal) || name.Length > 128)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The field name '{name}' is invalid. Field names must start with a letter and contain only letters, digits or underscores.", "InvalidName");
        }

        UnsupportedFeatures.CheckField(json, name);
        var type = json["type"]?.GetValue<string>() ?? string.Empty;
        var isCollection = type.StartsWith("Collection(", StringComparison.Ordinal) && type.EndsWith(')');
        var element = isCollection ? type["Collection(".Length..^1] : type;
        FieldKind kind = element switch
        {
            "Edm.String" => FieldKind.String,
            "Edm.Int32" => FieldKind.Int32,
            "Edm.Int64" => FieldKind.Int64,
            "Edm.Double" => FieldKind.Double,
            "Edm.Boolean" => FieldKind.Boolean,
            "Edm.DateTimeOffset" => FieldKind.DateTimeOffset,
            "Edm.GeographyPoint" => FieldKind.GeographyPoint,
            "Edm.ComplexType" => FieldKind.Complex,
            "Edm.Single" => FieldKind.Single,
            _ => throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The type '{type}' of field '{name}' is not supported."),
        };

        if (kind == FieldKind.Single && isCollection)
        {
            return VectorFields.Parse(json, name, type, vectorSearch);
        }

        if (kind == FieldKind.Complex)
        {
            RefuseSearchableSubFields(json, name);

            // Complex fields are stored and returned, not indexed by this emulator.
            return new SchemaField(name, type, kind, isCollection, false, false, false, false, false, true, null, null);
        }

        var isString = kind == FieldKind.String;
        var searchable = Flag(json, "searchable", isString);
        if (searchable && !isString)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The field '{name}' of type '{type}' cannot be searchable.");
        }

        var key = Flag(json, "key", false);
        var filterable = Flag(json, "filterable", kind != FieldKind.Single);
        var sortable = Flag(json, "sortable", !isCollection && kind != FieldKind.Single);
        if (sortable && isCollection)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The collection field '{name}' cannot be sortable.");
        }

        var facetable = Flag(json, "facetable", kind is not (FieldKind.GeographyPoint or FieldKind.Single));
        var retrievable = Flag(json, "retrievable", true);
        var (indexAnalyzer, searchAnalyzer) = Analyzers(json, name, searchable);
        var synonymMap = SynonymMap.FieldMap(json, name, searchable);
        return new SchemaField(name, type, kind, isCollection, key, searchable, filterable, sortable, facetable, retrievable, indexAnalyzer, searchAnalyzer)
        {
            SynonymMap = synonymMap,
        };
    }

    /// <summary>
    /// The field's index-time and search-time analyzers, checked as Azure checks them: <c>analyzer</c> alone, or
    /// <c>indexAnalyzer</c> and <c>searchAnalyzer</c> together (never language analyzers), only on searchable fields.
    /// </summary>
    private static (string? Index, string? Search) Analyzers(JsonObject json, string name, bool searchable)
    {
        var analyzer = json["analyzer"]?.GetValue<string>();
        var indexAnalyzer = json["indexAnalyzer"]?.GetValue<string>();
        var searchAnalyzer = json["searchAnalyzer"]?.GetValue<string>();
        if ((analyzer ?? indexAnalyzer ?? searchAnalyzer) is null)
        {
            return (null, null);
        }

        if (!searchable)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: fields : Analyzers can be set only on searchable fields; the field '{name}' is not searchable.");
        }

        if (analyzer is not null && (indexAnalyzer ?? searchAnalyzer) is not null)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The field '{name}' sets 'analyzer' together with 'indexAnalyzer' or 'searchAnalyzer'; set either 'analyzer' alone or both 'indexAnalyzer' and 'searchAnalyzer'.");
        }

        if (analyzer is not null)
        {
            AnalyzerCatalog.Require(analyzer, "fields", name);
            return (analyzer, analyzer);
        }

        if (indexAnalyzer is null || searchAnalyzer is null)
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The field '{name}' must set 'indexAnalyzer' and 'searchAnalyzer' together.");
        }

        foreach (var (property, value) in new[] { ("indexAnalyzer", indexAnalyzer), ("searchAnalyzer", searchAnalyzer) })
        {
            AnalyzerCatalog.Require(value, "fields", name);
            if (AnalyzerCatalog.IsLanguageAnalyzer(value))
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The '{property}' of field '{name}' cannot be the language analyzer '{value}'; use 'analyzer' for a language analyzer.");
            }
        }

        return (indexAnalyzer, searchAnalyzer);
    }

    /// <summary>
    /// Sub-fields of complex fields are stored and returned but not indexed, so one Azure would search (a string
    /// sub-field is searchable unless it says otherwise) is refused rather than silently left out of searches.
    /// </summary>
    private static void RefuseSearchableSubFields(JsonObject complex, string path)
    {
        foreach (var sub in (complex["fields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var subName = path + "/" + (sub["name"]?.GetValue<string>() ?? string.Empty);
            UnsupportedFeatures.CheckField(sub, subName);
            var type = sub["type"]?.GetValue<string>() ?? string.Empty;
            if (type is "Edm.ComplexType" or "Collection(Edm.ComplexType)")
            {
                RefuseSearchableSubFields(sub, subName);
            }
            else if (type is "Edm.String" or "Collection(Edm.String)" && (sub["searchable"] is not JsonValue v || !v.TryGetValue<bool>(out var searchable) || searchable))
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: fields : The sub-field '{subName}' is searchable (the default for strings), but searching sub-fields of complex fields is not supported by the emulator; set \"searchable\": false.", "FeatureNotSupportedByEmulator");
            }
        }
    }

    internal static bool Flag(JsonObject json, string property, bool defaultValue)
    {
        if (json[property] is JsonValue value && value.TryGetValue<bool>(out var b))
        {
            return b;
        }

        json[property] = defaultValue;
        return defaultValue;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IndexNamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex FieldNamePattern();
}
