using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Archive.SearchEmulator;

/// <summary>Converts between Azure document JSON and Lucene documents for one schema.</summary>
internal static class DocumentCodec
{
    public const string KeyField = "__key";
    public const string SourceField = "__doc";
    public const string PresenceField = "__has";

    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>Checks and normalizes one field value (dates to UTC milliseconds); throws 400 when it does not fit the type.</summary>
    public static JsonNode? Normalize(SchemaField field, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (field.Kind is FieldKind.Complex or FieldKind.GeographyPoint)
        {
            return value.DeepClone();
        }

        if (field.IsCollection)
        {
            if (value is not JsonArray array)
            {
                throw Invalid(field, value);
            }

            var result = new JsonArray();
            foreach (var item in array)
            {
                if (item is null)
                {
                    throw Invalid(field, value);
                }

                result.Add(NormalizeScalar(field, item));
            }

            return result;
        }

        return NormalizeScalar(field, value);
    }

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long ms) => Epoch.AddMilliseconds(ms);

    public static bool TryParseDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
        && text.Contains('T', StringComparison.Ordinal);

    /// <summary>The long a numeric, date or boolean value is indexed as.</summary>
    public static long ToInt64(SchemaField field, JsonNode value) => field.Kind switch
    {
        FieldKind.DateTimeOffset => ToMilliseconds(DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture)),
        FieldKind.Boolean => value.GetValue<bool>() ? 1 : 0,
        _ => AsInt64(value),
    };

    private static long AsInt64(JsonNode value) => value.AsValue() switch
    {
        var v when v.TryGetValue<long>(out var l) => l,
        var v when v.TryGetValue<int>(out var i) => i,
        var v => (long)v.GetValue<double>(),
    };

    private static double AsDouble(JsonNode value) => value.AsValue() switch
    {
        var v when v.TryGetValue<double>(out var d) => d,
        var v when v.TryGetValue<long>(out var l) => l,
        var v when v.TryGetValue<int>(out var i) => i,
        var v => v.GetValue<float>(),
    };

    public static double ToDouble(JsonNode value) => value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>() switch
        {
            "INF" => double.PositiveInfinity,
            "-INF" => double.NegativeInfinity,
            _ => double.NaN,
        }
        : AsDouble(value);

    /// <summary>A facet or filter value back as JSON of the field's type.</summary>
    public static JsonNode? Int64ToJson(SchemaField field, long value) => field.Kind switch
    {
        FieldKind.DateTimeOffset => JsonValue.Create(FormatDate(FromMilliseconds(value))),
        FieldKind.Boolean => JsonValue.Create(value != 0),
        FieldKind.Int32 => JsonValue.Create((int)value),
        _ => JsonValue.Create(value),
    };

    public static JsonNode? DoubleToJson(double value) => double.IsNaN(value)
        ? JsonValue.Create("NaN")
        : double.IsPositiveInfinity(value) ? JsonValue.Create("INF")
        : double.IsNegativeInfinity(value) ? JsonValue.Create("-INF")
        : JsonValue.Create(value);

    /// <summary>Builds the Lucene document for a normalized source document.</summary>
    public static LuceneDocument ToLucene(IndexSchema schema, JsonObject source)
    {
        var doc = new LuceneDocument();
        var key = source[schema.Key.Name]!.GetValue<string>();
        doc.Add(new StringField(KeyField, key, Field.Store.NO));
        doc.Add(new StoredField(SourceField, JsonSerializer.SerializeToUtf8Bytes(source)));
        foreach (var field in schema.Fields)
        {
            if (!field.IsSimple || source[field.Name] is not { } value)
            {
                continue;
            }

            var items = value is JsonArray array ? array.Select(x => x!).ToList() : [value];
            if (items.Count > 0)
            {
                doc.Add(new StringField(PresenceField, field.Name, Field.Store.NO));
            }

            foreach (var item in items)
            {
                AddValue(doc, schema, field, item);
            }
        }

        VectorStore.AddTo(doc, schema, source);
        return doc;
    }

    private static void AddValue(LuceneDocument doc, IndexSchema schema, SchemaField field, JsonNode item)
    {
        switch (field.Kind)
        {
            case FieldKind.String:
                var text = item.GetValue<string>();
                if (field.Searchable)
                {
                    doc.Add(new TextField(field.Name, text, Field.Store.NO));
                    if (schema.SuggestSourceFields.Contains(field.Name))
                    {
                        doc.Add(new TextField(Suggester.SuggestField(field.Name), text, Field.Store.NO));
                    }
                }

                if (field.Filterable || field.Key)
                {
                    doc.Add(new StringField(field.RawField, text, Field.Store.NO));
                }

                if (field.Facetable)
                {
                    doc.Add(new SortedSetDocValuesField(field.ValuesField, new BytesRef(text)));
                }

                if (field.Sortable && !field.IsCollection)
                {
                    doc.Add(new SortedDocValuesField(field.StringSortField, new BytesRef(text)));
                }

                break;
            case FieldKind.Double:
                var d = ToDouble(item);
                if (field.Filterable)
                {
                    doc.Add(new DoubleField(field.RawField, d, Field.Store.NO));
                }

                if ((field.Sortable || field.Facetable) && !field.IsCollection)
                {
                    doc.Add(new DoubleDocValuesField(field.ValuesField, d));
                }

                break;
            case FieldKind.Int32 or FieldKind.Int64 or FieldKind.DateTimeOffset or FieldKind.Boolean:
                var l = ToInt64(field, item);
                if (field.Filterable)
                {
                    doc.Add(new Int64Field(field.RawField, l, Field.Store.NO));
                }

                if ((field.Sortable || field.Facetable) && !field.IsCollection)
                {
                    doc.Add(new NumericDocValuesField(field.ValuesField, l));
                }

                break;
        }
    }

    private static JsonNode NormalizeScalar(SchemaField field, JsonNode value)
    {
        var kind = value.GetValueKind();
        switch (field.Kind)
        {
            case FieldKind.String when kind == JsonValueKind.String:
                return JsonValue.Create(value.GetValue<string>());
            case FieldKind.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(kind == JsonValueKind.True);
            case FieldKind.Int32 when kind == JsonValueKind.Number && value.AsValue().TryGetValue<int>(out var i):
                return JsonValue.Create(i);
            case FieldKind.Int64 when kind == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out var l):
                return JsonValue.Create(l);
            case FieldKind.Double when kind == JsonValueKind.Number:
                return JsonValue.Create(AsDouble(value));
            case FieldKind.Double when kind == JsonValueKind.String && value.GetValue<string>() is "NaN" or "INF" or "-INF":
                return JsonValue.Create(value.GetValue<string>());
            case FieldKind.Single when kind == JsonValueKind.Number:
                return JsonValue.Create((float)AsDouble(value));
            case FieldKind.DateTimeOffset when kind == JsonValueKind.String && TryParseDate(value.GetValue<string>(), out var date):
                return JsonValue.Create(FormatDate(date));
            default:
                throw Invalid(field, value);
        }
    }

    private static SearchApiException Invalid(SchemaField field, JsonNode value) =>
        SearchApiException.BadRequest(
            $"The request is invalid. Details: The value '{value.ToJsonString()}' of field '{field.Name}' cannot be converted to type '{field.EdmType}'.");
}
