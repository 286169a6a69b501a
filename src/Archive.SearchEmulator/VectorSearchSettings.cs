using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>The similarity metrics a vector algorithm can use (Azure's <c>metric</c> values).</summary>
internal enum VectorMetric
{
    Cosine,
    Euclidean,
    DotProduct,
}

/// <summary>One entry of <c>vectorSearch.algorithms</c>: <c>hnsw</c> or <c>exhaustiveKnn</c>, with its metric.</summary>
internal sealed record VectorAlgorithm(string Name, string Kind, VectorMetric Metric);

/// <summary>
/// The index's <c>vectorSearch</c> section: algorithms and the profiles vector fields name. Parsing fills in Azure's
/// defaults (HNSW m 4, efConstruction 400, efSearch 500, metric cosine) so the definition reads back as Azure returns it.
/// Vectorizers and compressions are refused: the emulator does not implement them.
/// </summary>
internal sealed class VectorSearchSettings
{
    private VectorSearchSettings(IReadOnlyDictionary<string, VectorAlgorithm> algorithms, IReadOnlyDictionary<string, VectorAlgorithm> profiles)
    {
        Algorithms = algorithms;
        Profiles = profiles;
    }

    public static VectorSearchSettings Empty { get; } = new(new Dictionary<string, VectorAlgorithm>(), new Dictionary<string, VectorAlgorithm>());

    public IReadOnlyDictionary<string, VectorAlgorithm> Algorithms { get; }

    /// <summary>Profile name to the algorithm it uses.</summary>
    public IReadOnlyDictionary<string, VectorAlgorithm> Profiles { get; }

    public static VectorSearchSettings Parse(JsonObject definition)
    {
        if (definition["vectorSearch"] is not JsonObject section)
        {
            if (definition["vectorSearch"] is not null)
            {
                throw Invalid("vectorSearch : An object was expected.");
            }

            return Empty;
        }

        foreach (var (property, value) in section)
        {
            if (property is "algorithms" or "profiles")
            {
                continue;
            }

            if (property is "vectorizers" or "compressions" && (value is null || (value is JsonArray a && a.Count == 0)))
            {
                continue;
            }

            throw Invalid($"vectorSearch : The property 'vectorSearch.{property}' is not supported by the emulator (it implements algorithms and profiles only).");
        }

        var algorithms = new Dictionary<string, VectorAlgorithm>(StringComparer.Ordinal);
        foreach (var node in section["algorithms"] as JsonArray ?? [])
        {
            var algorithm = ParseAlgorithm(node as JsonObject ?? throw Invalid("vectorSearch.algorithms : Each algorithm must be an object."));
            if (!algorithms.TryAdd(algorithm.Name, algorithm))
            {
                throw Invalid($"vectorSearch.algorithms : The algorithm configuration name '{algorithm.Name}' is used more than once.");
            }
        }

        var profiles = new Dictionary<string, VectorAlgorithm>(StringComparer.Ordinal);
        foreach (var node in section["profiles"] as JsonArray ?? [])
        {
            var profile = node as JsonObject ?? throw Invalid("vectorSearch.profiles : Each profile must be an object.");
            var name = Text(profile, "name") ?? throw Invalid("vectorSearch.profiles : A vector search profile needs a name.");
            foreach (var (property, value) in profile)
            {
                if (property is "name" or "algorithm" || (property is "vectorizer" or "compression" && value is null))
                {
                    continue;
                }

                throw Invalid($"vectorSearch.profiles : The property '{property}' of profile '{name}' is not supported by the emulator.");
            }

            var algorithmName = Text(profile, "algorithm") ?? throw Invalid($"vectorSearch.profiles : The vector search profile '{name}' must name an algorithm configuration.");
            if (!algorithms.TryGetValue(algorithmName, out var algorithm))
            {
                throw Invalid($"vectorSearch.profiles : The vector search profile '{name}' refers to the algorithm configuration '{algorithmName}', which does not exist in the index.");
            }

            if (!profiles.TryAdd(name, algorithm))
            {
                throw Invalid($"vectorSearch.profiles : The vector search profile name '{name}' is used more than once.");
            }
        }

        section["algorithms"] ??= new JsonArray();
        section["profiles"] ??= new JsonArray();
        return new VectorSearchSettings(algorithms, profiles);
    }

    private static VectorAlgorithm ParseAlgorithm(JsonObject json)
    {
        var name = Text(json, "name") ?? throw Invalid("vectorSearch.algorithms : An algorithm configuration needs a name.");
        var kind = Text(json, "kind") ?? throw Invalid($"vectorSearch.algorithms : The algorithm configuration '{name}' needs a kind ('hnsw' or 'exhaustiveKnn').");
        var parametersName = kind switch
        {
            "hnsw" => "hnswParameters",
            "exhaustiveKnn" => "exhaustiveKnnParameters",
            _ => throw Invalid($"vectorSearch.algorithms : '{kind}' is not a valid algorithm kind for '{name}'; use 'hnsw' or 'exhaustiveKnn'."),
        };
        if (json[parametersName] is not JsonObject parameters)
        {
            parameters = new JsonObject();
            json[parametersName] = parameters;
        }

        if (kind == "hnsw")
        {
            Range(parameters, name, "m", 4, 4, 10);
            Range(parameters, name, "efConstruction", 400, 100, 1000);
            Range(parameters, name, "efSearch", 500, 100, 1000);
        }

        var metricText = Text(parameters, "metric") ?? "cosine";
        parameters["metric"] = metricText;
        var metric = metricText switch
        {
            "cosine" => VectorMetric.Cosine,
            "euclidean" => VectorMetric.Euclidean,
            "dotProduct" => VectorMetric.DotProduct,
            _ => throw Invalid($"vectorSearch.algorithms : '{metricText}' is not a supported metric for '{name}'; use 'cosine', 'euclidean' or 'dotProduct'."),
        };
        return new VectorAlgorithm(name, kind, metric);
    }

    private static void Range(JsonObject parameters, string algorithm, string property, int defaultValue, int min, int max)
    {
        if (parameters[property] is null)
        {
            parameters[property] = defaultValue;
            return;
        }

        if (parameters[property] is not JsonValue v || !v.TryGetValue<int>(out var value) || value < min || value > max)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"vectorSearch.algorithms : The parameter '{property}' of algorithm configuration '{algorithm}' must be an integer between {min} and {max}."));
        }
    }

    private static string? Text(JsonObject json, string property) =>
        json[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static SearchApiException Invalid(string detail) =>
        SearchApiException.BadRequest("The request is invalid. Details: " + detail, "InvalidRequestParameter");
}
