using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>
/// Vector fields (<c>Collection(Edm.Single)</c>): the attributes Azure requires and forbids, checked when an index is
/// defined, and the vector length checked when a document is uploaded.
/// </summary>
internal static class VectorFields
{
    /// <summary>Azure's largest <c>dimensions</c> (Service limits: "Maximum dimensions per vector field", 4096 in every API version).</summary>
    public const int MaxDimensions = 4096;

    public const int MinDimensions = 2;

    public static SchemaField Parse(JsonObject json, string name, string type, VectorSearchSettings vectorSearch)
    {
        var dimensions = json["dimensions"] is JsonValue d && d.TryGetValue<int>(out var n) ? n : (int?)null;
        var profileName = json["vectorSearchProfile"] is JsonValue p && p.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : null;
        if (dimensions is null || profileName is null)
        {
            throw Invalid($"The vector field '{name}' must have the properties 'dimensions' and 'vectorSearchProfile' set.");
        }

        if (dimensions is < MinDimensions or > MaxDimensions)
        {
            throw Invalid($"The vector field '{name}' has {dimensions} dimensions; the dimensions of a vector field must be between {MinDimensions} and {MaxDimensions}.");
        }

        if (!vectorSearch.Profiles.TryGetValue(profileName, out var algorithm))
        {
            throw Invalid($"The vector field '{name}' refers to the vector search profile '{profileName}', which does not exist in the index's vectorSearch.profiles.");
        }

        foreach (var attribute in new[] { "filterable", "sortable", "facetable", "key" })
        {
            if (IndexSchema.Flag(json, attribute, false))
            {
                throw Invalid($"The vector field '{name}' cannot be {(attribute == "key" ? "the key" : attribute)}. Vector fields can only be searchable and retrievable.");
            }
        }

        if (!IndexSchema.Flag(json, "searchable", true))
        {
            throw Invalid($"The vector field '{name}' must be searchable.");
        }

        foreach (var attribute in new[] { "analyzer", "searchAnalyzer", "indexAnalyzer" })
        {
            if (json[attribute] is not null)
            {
                throw Invalid($"The vector field '{name}' cannot have the property '{attribute}' set.");
            }
        }

        if (json["synonymMaps"] is JsonArray { Count: > 0 })
        {
            throw Invalid($"The vector field '{name}' cannot have synonym maps.");
        }

        var retrievable = IndexSchema.Flag(json, "retrievable", true);
        if (json["stored"] is JsonValue s && s.TryGetValue<bool>(out var stored) && !stored && retrievable)
        {
            throw Invalid($"The vector field '{name}' is not stored, so it cannot be retrievable. Set 'retrievable' to false.");
        }

        // The field is searched by vector queries only: it is not one of the text fields a 'search' runs on.
        return new SchemaField(name, type, FieldKind.Single, true, false, false, false, false, false, retrievable, null, null)
        {
            Dimensions = dimensions,
            VectorAlgorithm = algorithm,
        };
    }

    /// <summary>Checks a document's vector against the field's dimensions, with Azure's message (whole batch 400).</summary>
    public static void CheckLength(SchemaField field, JsonNode? value, int actionIndex)
    {
        if (value is JsonArray array && array.Count != field.Dimensions)
        {
            throw SearchApiException.BadRequest(
                $"The request is invalid. Details: actions : {actionIndex}: There's a mismatch in vector dimensions. The vector field '{field.Name}', with dimension of '{field.Dimensions}', expects a length of '{field.Dimensions}'. However, the provided vector has a length of '{array.Count}'. Please ensure that the vector length matches the expected length of the vector field.");
        }
    }

    private static SearchApiException Invalid(string detail) =>
        SearchApiException.BadRequest("The request is invalid. Details: definition : " + detail, "InvalidRequestParameter");
}
