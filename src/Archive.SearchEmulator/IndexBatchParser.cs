using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Archive.SearchEmulator;

/// <summary>Validates a <c>search.index</c> body before anything is written: a bad key or field fails the whole batch with 400.</summary>
internal static partial class IndexBatchParser
{
    public const int MaxActions = 1000;

    public static List<IndexAction> Parse(IndexSchema schema, JsonNode? body)
    {
        if (body?["value"] is not JsonArray items)
        {
            throw SearchApiException.BadRequest("The request is invalid. Details: actions : The request body must have a 'value' array of index actions.");
        }

        if (items.Count > MaxActions)
        {
            throw new SearchApiException(413, "RequestEntityTooLarge", $"The request is invalid. Details: actions : The batch has {items.Count} actions; the maximum is {MaxActions}.");
        }

        var actions = new List<IndexAction>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: actions : {i}: Each index action must be a JSON object.");
            }

            var kind = (item["@search.action"] is JsonValue a && a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : "upload") switch
            {
                "upload" => IndexActionKind.Upload,
                "merge" => IndexActionKind.Merge,
                "mergeOrUpload" => IndexActionKind.MergeOrUpload,
                "delete" => IndexActionKind.Delete,
                var other => throw SearchApiException.BadRequest($"The request is invalid. Details: actions : {i}: '{other}' is not a valid @search.action; use upload, merge, mergeOrUpload or delete."),
            };

            var keyNode = item[schema.Key.Name];
            if (keyNode is null || (keyNode is JsonValue kv && kv.GetValueKind() == JsonValueKind.String && kv.GetValue<string>().Length == 0))
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: actions : {i}: Document key cannot be missing or empty.", "MissingKeyField");
            }

            var key = keyNode is JsonValue k && k.GetValueKind() == JsonValueKind.String ? k.GetValue<string>() : keyNode.ToJsonString();
            if (key.Length > 1024 || !KeyPattern().IsMatch(key))
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: actions : {i}: Invalid document key: '{key}'. Keys can only contain letters, digits, underscore (_), dash (-), or equal sign (=).", "InvalidDocumentKey");
            }

            if (key.StartsWith('_'))
            {
                throw SearchApiException.BadRequest($"The request is invalid. Details: actions : {i}: Invalid document key: '{key}'. Keys cannot start with a leading underscore.", "InvalidDocumentKey");
            }

            var document = new JsonObject();
            foreach (var (name, value) in item)
            {
                if (name.StartsWith('@'))
                {
                    continue;
                }

                if (!schema.FieldsByName.TryGetValue(name, out var field))
                {
                    throw SearchApiException.BadRequest($"The request is invalid. Details: actions : {i}: The property '{name}' does not exist on type 'search.documentFields'. Make sure to only use property names that are defined by the type.");
                }

                if (kind != IndexActionKind.Delete)
                {
                    if (field.IsVector)
                    {
                        VectorFields.CheckLength(field, value, i);
                    }

                    document[name] = DocumentCodec.Normalize(field, value);
                }
            }

            document[schema.Key.Name] = key;
            actions.Add(new IndexAction(kind, key, document));
        }

        return actions;
    }

    [GeneratedRegex("^[A-Za-z0-9_=-]+$")]
    private static partial Regex KeyPattern();
}
