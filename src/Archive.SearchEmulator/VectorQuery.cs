using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>How <c>$filter</c> combines with vector queries (<c>vectorFilterMode</c>).</summary>
internal enum VectorFilterMode
{
    /// <summary>The filter narrows the candidates before the nearest neighbours are chosen (Azure's default).</summary>
    PreFilter,

    /// <summary>The nearest neighbours are chosen first, then filtered (fewer than k may remain).</summary>
    PostFilter,
}

/// <summary>One entry of <c>vectorQueries</c> (kind <c>vector</c>): the vector, k, the fields it runs on, its weight.</summary>
internal sealed record VectorQuery(float[] Vector, int K, IReadOnlyList<SchemaField> Fields, bool Exhaustive, double Weight)
{
    /// <summary>The k used when a query does not give one (the REST reference gives none; the page size default).</summary>
    public const int DefaultK = 50;

    public static IReadOnlyList<VectorQuery> ParseAll(IndexSchema schema, JsonObject body)
    {
        if (body["vectorQueries"] is null)
        {
            return [];
        }

        if (body["vectorQueries"] is not JsonArray array)
        {
            throw Invalid("vectorQueries : An array of vector queries was expected.");
        }

        var queries = new List<VectorQuery>(array.Count);
        foreach (var node in array)
        {
            queries.Add(Parse(schema, node as JsonObject ?? throw Invalid("vectorQueries : Each vector query must be an object.")));
        }

        return queries;
    }

    public static VectorFilterMode ParseFilterMode(JsonObject body) => body["vectorFilterMode"] switch
    {
        null => VectorFilterMode.PreFilter,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() switch
        {
            "preFilter" => VectorFilterMode.PreFilter,

            // One shard: the per-shard and the global top k are the same, so strict post-filtering is post-filtering.
            "postFilter" or "strictPostFilter" => VectorFilterMode.PostFilter,
            var other => throw Invalid($"vectorFilterMode : '{other}' is not a valid vector filter mode; use 'preFilter' or 'postFilter'."),
        },
        _ => throw Invalid("vectorFilterMode : A string was expected."),
    };

    private static VectorQuery Parse(IndexSchema schema, JsonObject json)
    {
        var kind = json["kind"] is JsonValue kv && kv.GetValueKind() == JsonValueKind.String ? kv.GetValue<string>() : null;
        switch (kind)
        {
            case "vector":
                break;
            case "text" or "imageUrl" or "imageBinary":
                throw Invalid($"vectorQueries : Vector queries of kind '{kind}' need a vectorizer, which the emulator does not implement; send the query as a vector (kind 'vector').");
            default:
                throw Invalid($"vectorQueries : '{kind}' is not a valid vector query kind; use 'vector'.");
        }

        foreach (var (property, _) in json)
        {
            if (property is not ("kind" or "vector" or "k" or "fields" or "exhaustive" or "weight"))
            {
                throw Invalid($"vectorQueries : The vector query property '{property}' is not supported by the emulator.");
            }
        }

        if (json["vector"] is not JsonArray values || values.Count == 0)
        {
            throw Invalid("vectorQueries : A vector query of kind 'vector' needs a non-empty 'vector' array of numbers.");
        }

        var vector = new float[values.Count];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = values[i] is JsonValue n && n.GetValueKind() == JsonValueKind.Number
                ? (float)n.GetValue<double>()
                : throw Invalid("vectorQueries : The 'vector' of a vector query must contain only numbers.");
        }

        var k = DefaultK;
        if (json["k"] is not null)
        {
            k = json["k"] is JsonValue kn && kn.TryGetValue<int>(out var kk) ? kk : throw Invalid("vectorQueries : 'k' must be an integer.");
            if (k < 1)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"vectorQueries : 'k' must be at least 1, not {k}."));
            }
        }

        var fieldList = json["fields"] is JsonValue f && f.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(fieldList))
        {
            throw Invalid("vectorQueries : A vector query must name the vector fields it searches in 'fields'.");
        }

        var names = fieldList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length > ServiceLimits.MaxVectorQueryFields)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"vectorQueries : A vector query can search at most {ServiceLimits.MaxVectorQueryFields} fields, not {names.Length}."));
        }

        var fields = new List<SchemaField>();
        foreach (var name in names)
        {
            if (!schema.FieldsByName.TryGetValue(name, out var field))
            {
                throw Invalid($"vectorQueries : The field '{name}' in the vector field list does not exist in the index.");
            }

            if (!field.IsVector)
            {
                throw Invalid($"vectorQueries : The field '{name}' in the vector field list is not a vector field.");
            }

            if (field.Dimensions != vector.Length)
            {
                throw Invalid($"vectorQueries : The vector query's length ({vector.Length}) must match the dimensions ({field.Dimensions}) of the field '{name}' in the vector field list.");
            }

            fields.Add(field);
        }

        var exhaustive = json["exhaustive"] switch
        {
            null => false,
            JsonValue b when b.TryGetValue<bool>(out var e) => e,
            _ => throw Invalid("vectorQueries : 'exhaustive' must be a boolean."),
        };
        var weight = json["weight"] switch
        {
            null => 1.0,
            JsonValue w when w.GetValueKind() == JsonValueKind.Number && w.GetValue<double>() > 0 => w.GetValue<double>(),
            _ => throw Invalid("vectorQueries : 'weight' must be a positive number."),
        };
        return new VectorQuery(vector, k, fields, exhaustive, weight);
    }

    private static SearchApiException Invalid(string detail) =>
        SearchApiException.BadRequest("The request is invalid. Details: " + detail, "InvalidRequestParameter");
}
