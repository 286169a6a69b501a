using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>Shapes a stored document for output: the selected (or all retrievable) fields, null/[] when absent.</summary>
internal static class DocumentProjection
{
    /// <summary>Resolves <c>$select</c>; null or <c>*</c> means every retrievable field.</summary>
    public static IReadOnlyList<SchemaField> Resolve(IndexSchema schema, string? select, string parameter = "$select")
    {
        if (string.IsNullOrWhiteSpace(select) || select.Trim() == "*")
        {
            return schema.Fields.Where(f => f.Retrievable).ToList();
        }

        var fields = new List<SchemaField>();
        foreach (var name in select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!schema.FieldsByName.TryGetValue(name, out var field))
            {
                throw SearchApiException.InvalidExpression($"Could not find a property named '{name}' on type 'search.document'.", parameter);
            }

            if (field.Retrievable)
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    public static void CopyInto(JsonObject target, JsonObject source, IReadOnlyList<SchemaField> fields)
    {
        foreach (var field in fields)
        {
            target[field.Name] = source[field.Name]?.DeepClone() ?? (field.IsCollection ? new JsonArray() : null);
        }
    }
}
