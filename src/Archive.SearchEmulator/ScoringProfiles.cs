using System.Text.Json.Nodes;
using System.Xml;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.SearchEmulator;

/// <summary>One scoring function of a profile (Learn, "Add scoring profiles to boost search scores").</summary>
internal sealed record ScoringFunction(
    string Type,
    SchemaField Field,
    double Boost,
    string Interpolation,
    double RangeStart,
    double RangeEnd,
    bool ConstantBeyondRange,
    TimeSpan Duration,
    string? TagsParameter);

/// <summary>A scoring profile: field weights for the text score, and functions whose boosts multiply it.</summary>
internal sealed record ScoringProfile(string Name, IReadOnlyDictionary<string, double> Weights, IReadOnlyList<ScoringFunction> Functions, string Aggregation);

/// <summary>Parses scoring profiles from an index definition and applies one to a query.</summary>
internal static class ScoringProfiles
{
    public const int MaxProfiles = 100;

    public static IReadOnlyDictionary<string, ScoringProfile> Parse(JsonObject definition, IReadOnlyList<SchemaField> fields)
    {
        var result = new Dictionary<string, ScoringProfile>(StringComparer.Ordinal);
        var array = definition["scoringProfiles"] as JsonArray ?? [];
        if (array.Count > MaxProfiles)
        {
            throw Invalid($"The index has {array.Count} scoring profiles; the maximum is {MaxProfiles}.");
        }

        var byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var node in array)
        {
            if (node is not JsonObject json || json["name"]?.GetValue<string>() is not { Length: > 0 } name)
            {
                throw Invalid("Each scoring profile needs a name.");
            }

            foreach (var (property, value) in json)
            {
                if (property is not ("name" or "text" or "functions" or "functionAggregation") && value is not null)
                {
                    throw SearchApiException.BadRequest($"The request is invalid. Details: The scoring profile property '{property}' of profile '{name}' is not supported by the emulator.", "FeatureNotSupportedByEmulator");
                }
            }

            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            if (json["text"]?["weights"] is JsonObject weightJson)
            {
                foreach (var (fieldName, weight) in weightJson)
                {
                    if (!byName.TryGetValue(fieldName, out var field) || !field.Searchable)
                    {
                        throw Invalid($"The field '{fieldName}' in the text weights of scoring profile '{name}' must be a searchable field of the index.");
                    }

                    var w = weight?.GetValue<double>() ?? 0;
                    if (w <= 0)
                    {
                        throw Invalid($"The weight of field '{fieldName}' in scoring profile '{name}' must be a positive number.");
                    }

                    weights[fieldName] = w;
                }
            }

            var functions = new List<ScoringFunction>();
            foreach (var fn in (json["functions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                functions.Add(ParseFunction(name, fn, byName));
            }

            var aggregation = json["functionAggregation"]?.GetValue<string>() ?? "sum";
            if (aggregation is not ("sum" or "average" or "minimum" or "maximum" or "firstMatching"))
            {
                throw Invalid($"The function aggregation '{aggregation}' of scoring profile '{name}' is not valid; use sum, average, minimum, maximum or firstMatching.");
            }

            if (!result.TryAdd(name, new ScoringProfile(name, weights, functions, aggregation)))
            {
                throw Invalid($"The scoring profile '{name}' is defined more than once.");
            }
        }

        if (definition["defaultScoringProfile"]?.GetValue<string>() is { } defaultProfile && !result.ContainsKey(defaultProfile))
        {
            throw Invalid($"The default scoring profile '{defaultProfile}' is not defined in the index.");
        }

        return result;
    }

    /// <summary>
    /// The profile a search uses (its <c>scoringProfile</c>, else the index's default), with its parameters checked;
    /// null when none applies.
    /// </summary>
    public static (ScoringProfile Profile, IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters)? Resolve(IndexSchema schema, string? requested, IReadOnlyList<string> parameters)
    {
        var name = string.IsNullOrEmpty(requested) ? schema.DefaultScoringProfile : requested;
        if (name is null)
        {
            return null;
        }

        if (!schema.ScoringProfiles.TryGetValue(name, out var profile))
        {
            throw SearchApiException.BadRequest($"Unknown scoring profile '{name}'.\r\nParameter name: scoringProfile");
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var dash = parameter.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0)
            {
                throw SearchApiException.BadRequest($"The scoring parameter '{parameter}' is not valid; the form is name-value1,value2.\r\nParameter name: scoringParameters");
            }

            values[parameter[..dash]] = parameter[(dash + 1)..].Split(',').Select(v => v.Trim().Trim('\'')).Where(v => v.Length > 0).ToList();
        }

        foreach (var fn in profile.Functions.Where(f => f.TagsParameter is not null))
        {
            if (!values.ContainsKey(fn.TagsParameter!))
            {
                throw SearchApiException.BadRequest($"The scoring profile '{profile.Name}' needs the scoring parameter '{fn.TagsParameter}', which the request does not give.\r\nParameter name: scoringParameters");
            }
        }

        return (profile, values);
    }

    /// <summary>The query with the profile's function boosts multiplied into its score (the query itself when it has none).</summary>
    public static Query Apply(Query query, ScoringProfile profile, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters, DateTimeOffset now) =>
        profile.Functions.Count == 0 ? query : new ProfileQuery(query, profile, parameters, now);

    /// <summary>
    /// The multiplier the profile's functions give a document (1 when none applies), from each function's place in
    /// its boosting range (<paramref name="positions"/>, null where the function does not apply).
    /// </summary>
    public static double Multiplier(ScoringProfile profile, ReadOnlySpan<double?> positions)
    {
        double sum = 0, min = double.MaxValue, max = double.MinValue;
        double? first = null;
        for (var i = 0; i < positions.Length; i++)
        {
            var fn = profile.Functions[i];
            var boost = positions[i] is { } p ? 1.0 + ((fn.Boost - 1.0) * Interpolate(fn.Interpolation, p)) : 1.0;
            first ??= positions[i] is null ? null : boost;
            sum += boost - 1.0;
            min = Math.Min(min, boost);
            max = Math.Max(max, boost);
        }

        return profile.Aggregation switch
        {
            "sum" => 1.0 + sum,
            "average" => 1.0 + (sum / positions.Length),
            "minimum" => min,
            "maximum" => max,
            _ => first ?? 1.0,
        };
    }

    /// <summary>The interpolated boost fraction for a linear position <paramref name="p"/> (0 to 1) in the range.</summary>
    private static double Interpolate(string interpolation, double p) => interpolation switch
    {
        "constant" => 1.0,
        "quadratic" => 1.0 - ((1.0 - p) * (1.0 - p)),
        "logarithmic" => (Math.Pow(10, p) - 1.0) / 9.0,
        _ => p,
    };

    /// <summary>Where <paramref name="x"/> lies in a magnitude function's range (0 to 1), or null outside it.</summary>
    private static double? Magnitude(ScoringFunction fn, double x)
    {
        var (low, high) = (Math.Min(fn.RangeStart, fn.RangeEnd), Math.Max(fn.RangeStart, fn.RangeEnd));
        if (x < low || x > high)
        {
            // Beyond the end of the range the full boost applies only with constantBoostBeyondRange.
            var beyondEnd = fn.RangeEnd >= fn.RangeStart ? x > high : x < low;
            return beyondEnd && fn.ConstantBeyondRange ? 1.0 : null;
        }

        return fn.RangeEnd == fn.RangeStart ? 1.0 : (x - fn.RangeStart) / (fn.RangeEnd - fn.RangeStart);
    }

    /// <summary>Full boost at now, none once the date is older than now minus the duration (a negative duration looks ahead).</summary>
    private static double? Freshness(ScoringFunction fn, DateTimeOffset date, DateTimeOffset now)
    {
        var age = now - date;
        var span = fn.Duration;
        if (span < TimeSpan.Zero)
        {
            (age, span) = (-age, -span);
        }

        if (age < TimeSpan.Zero)
        {
            return 1.0;
        }

        return age > span ? null : 1.0 - (age / span);
    }

    private static ScoringFunction ParseFunction(string profile, JsonObject fn, Dictionary<string, SchemaField> fields)
    {
        var type = fn["type"]?.GetValue<string>() ?? string.Empty;
        var fieldName = fn["fieldName"]?.GetValue<string>() ?? string.Empty;
        if (type == "distance")
        {
            throw SearchApiException.BadRequest($"The request is invalid. Details: The distance scoring function on field '{fieldName}' of scoring profile '{profile}' is not supported by the emulator, which does not implement geo-spatial search.", "FeatureNotSupportedByEmulator");
        }

        if (type is not ("magnitude" or "freshness" or "tag"))
        {
            throw Invalid($"The scoring function type '{type}' in scoring profile '{profile}' is not valid; use magnitude, freshness, distance or tag.");
        }

        if (!fields.TryGetValue(fieldName, out var field))
        {
            throw Invalid($"The field '{fieldName}' used by a {type} function of scoring profile '{profile}' does not exist in the index.");
        }

        if (!field.Filterable)
        {
            throw Invalid($"The field '{fieldName}' used by a {type} function of scoring profile '{profile}' must be filterable.");
        }

        var expected = type switch
        {
            "magnitude" => field.Kind is FieldKind.Int32 or FieldKind.Int64 or FieldKind.Double && !field.IsCollection,
            "freshness" => field.Kind == FieldKind.DateTimeOffset && !field.IsCollection,
            _ => field.Kind == FieldKind.String,
        };
        if (!expected)
        {
            throw Invalid($"The field '{fieldName}' of type '{field.EdmType}' cannot be used by a {type} function of scoring profile '{profile}'.");
        }

        var boost = fn["boost"]?.GetValue<double>() ?? 0;
        if (boost <= 0 || boost == 1.0)
        {
            throw Invalid($"The boost of the {type} function on field '{fieldName}' of scoring profile '{profile}' must be a positive number other than 1.0.");
        }

        var interpolation = fn["interpolation"]?.GetValue<string>() ?? "linear";
        if (interpolation is not ("linear" or "constant" or "quadratic" or "logarithmic"))
        {
            throw Invalid($"The interpolation '{interpolation}' of scoring profile '{profile}' is not valid; use linear, constant, quadratic or logarithmic.");
        }

        if (type == "tag" && interpolation is "quadratic" or "logarithmic")
        {
            throw Invalid($"The interpolation '{interpolation}' is not allowed in the tag function of scoring profile '{profile}'; use linear or constant.");
        }

        var parameters = fn[type] as JsonObject ?? throw Invalid($"The {type} function on field '{fieldName}' of scoring profile '{profile}' needs its '{type}' parameters.");
        return type switch
        {
            "magnitude" => new ScoringFunction(type, field, boost, interpolation,
                Number(parameters, "boostingRangeStart", profile), Number(parameters, "boostingRangeEnd", profile),
                parameters["constantBoostBeyondRange"]?.GetValue<bool>() ?? false, TimeSpan.Zero, null),
            "freshness" => new ScoringFunction(type, field, boost, interpolation, 0, 0, false, Duration(parameters, profile), null),
            _ => new ScoringFunction(type, field, boost, interpolation, 0, 0, false, TimeSpan.Zero,
                parameters["tagsParameter"]?.GetValue<string>() is { Length: > 0 } p ? p : throw Invalid($"The tag function of scoring profile '{profile}' needs a 'tagsParameter'.")),
        };
    }

    private static double Number(JsonObject parameters, string name, string profile) =>
        parameters[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : throw Invalid($"The magnitude function of scoring profile '{profile}' needs a number '{name}'.");

    private static TimeSpan Duration(JsonObject parameters, string profile)
    {
        var text = parameters["boostingDuration"]?.GetValue<string>();
        try
        {
            return text is null ? throw new FormatException() : XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw Invalid($"The freshness function of scoring profile '{profile}' needs a 'boostingDuration' in ISO 8601 form (for example P1D), not '{text}'.");
        }
    }

    private static SearchApiException Invalid(string detail) => SearchApiException.BadRequest("The request is invalid. Details: scoringProfiles : " + detail);

    /// <summary>
    /// Multiplies each hit's score by the profile's function boosts. The values come from the field cache of the
    /// functions' filterable fields (numbers and dates as indexed, tags as exact terms), built once per segment.
    /// </summary>
    private sealed class ProfileQuery(Query query, ScoringProfile profile, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters, DateTimeOffset now)
        : CustomScoreQuery(query)
    {
        private readonly ScoringProfile profile = profile;
        private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> parameters = parameters;
        private readonly DateTimeOffset now = now;

        public override string ToString(string field) => $"profile({profile.Name}, {base.ToString(field)})";

        protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new Provider(context, this);

        private Func<int, double?> Values(AtomicReader reader, ScoringFunction fn)
        {
            var field = fn.Field.RawField;
            var has = FieldCache.DEFAULT.GetDocsWithField(reader, field);
            switch (fn.Type)
            {
                case "magnitude" when fn.Field.Kind == FieldKind.Double:
                    var doubles = FieldCache.DEFAULT.GetDoubles(reader, field, FieldCache.NUMERIC_UTILS_DOUBLE_PARSER, false);
                    return doc => has.Get(doc) ? Magnitude(fn, doubles.Get(doc)) : null;
                case "magnitude":
                    var longs = FieldCache.DEFAULT.GetInt64s(reader, field, FieldCache.NUMERIC_UTILS_INT64_PARSER, false);
                    return doc => has.Get(doc) ? Magnitude(fn, longs.Get(doc)) : null;
                case "freshness":
                    var dates = FieldCache.DEFAULT.GetInt64s(reader, field, FieldCache.NUMERIC_UTILS_INT64_PARSER, false);
                    var at = now;
                    return doc => has.Get(doc) ? Freshness(fn, DocumentCodec.FromMilliseconds(dates.Get(doc)), at) : null;
                default:
                    var tagged = new FixedBitSet(reader.MaxDoc);
                    foreach (var tag in parameters.GetValueOrDefault(fn.TagsParameter!) ?? [])
                    {
                        var docs = reader.GetTermDocsEnum(new Term(field, tag));
                        while (docs is not null && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                        {
                            tagged.Set(docs.DocID);
                        }
                    }

                    return doc => tagged.Get(doc) ? 1.0 : null;
            }
        }

        private sealed class Provider : CustomScoreProvider
        {
            private readonly ProfileQuery owner;
            private readonly Func<int, double?>[] values;
            private readonly double?[] positions;

            public Provider(AtomicReaderContext context, ProfileQuery owner)
                : base(context)
            {
                this.owner = owner;
                values = owner.profile.Functions.Select(fn => owner.Values(context.AtomicReader, fn)).ToArray();
                positions = new double?[values.Length];
            }

            public override float CustomScore(int doc, float subQueryScore, float valSrcScore)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    positions[i] = values[i](doc);
                }

                var score = float.IsNaN(subQueryScore) ? 1f : subQueryScore;
                return (float)(score * Multiplier(owner.profile, positions));
            }
        }
    }
}
