using System.Globalization;

namespace Archive.SearchEmulator;

/// <summary>
/// One facet expression: <c>field[,count:N][,sort:count|-count|value|-value]</c>, <c>field,values:a|b|…</c> or
/// <c>field,interval:N|minute|hour|day|week|month|quarter|year[,timeoffset:±hh:mm]</c>.
/// </summary>
internal sealed record FacetSpec(SchemaField Field, int Count, string Sort, IReadOnlyList<string>? Values, string? Interval, TimeSpan TimeOffset)
{
    public static FacetSpec Parse(IndexSchema schema, string expression)
    {
        var parts = expression.Split(',', StringSplitOptions.TrimEntries);
        if (!schema.FieldsByName.TryGetValue(parts[0], out var field))
        {
            throw SearchApiException.InvalidExpression($"Could not find a property named '{parts[0]}' on type 'search.document'.", "facet");
        }

        if (!field.Facetable || !field.IsSimple)
        {
            throw SearchApiException.InvalidExpression($"'{field.Name}' is not a facetable field. Only facetable fields can be used in facet expressions.", "facet");
        }

        if (field.IsCollection && field.Kind != FieldKind.String)
        {
            throw SearchApiException.InvalidExpression($"Facets on '{field.EdmType}' fields are not supported by the emulator.", "facet");
        }

        int? count = null;
        string? sort = null;
        IReadOnlyList<string>? values = null;
        string? interval = null;
        var offset = TimeSpan.Zero;
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Invalid(expression);
            }

            var name = part[..colon];
            var value = part[(colon + 1)..];
            switch (name)
            {
                case "count" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var c):
                    count = c;
                    break;
                case "sort" when value is "count" or "-count" or "value" or "-value":
                    sort = value;
                    break;
                case "values":
                    values = value.Split('|', StringSplitOptions.TrimEntries);
                    break;
                case "interval":
                    interval = value;
                    break;
                case "timeoffset" when TimeSpan.TryParse(value.TrimStart('+'), CultureInfo.InvariantCulture, out var o):
                    offset = value.StartsWith('-') ? -o.Duration() : o;
                    break;
                default:
                    throw Invalid(expression);
            }
        }

        if ((values is not null || interval is not null) && (count is not null || sort is not null || (values is not null && interval is not null)))
        {
            throw SearchApiException.InvalidExpression($"Facet expression '{expression}' combines options that cannot be used together: 'values' and 'interval' exclude each other and 'count' and 'sort'.", "facet");
        }

        if (interval is not null)
        {
            var isDate = field.Kind == FieldKind.DateTimeOffset;
            var valid = isDate
                ? interval is "minute" or "hour" or "day" or "week" or "month" or "quarter" or "year"
                : field.Kind is FieldKind.Int32 or FieldKind.Int64 or FieldKind.Double
                  && double.TryParse(interval, NumberStyles.Float, CultureInfo.InvariantCulture, out var step) && step > 0;
            if (!valid)
            {
                throw SearchApiException.InvalidExpression($"The interval '{interval}' is not valid for field '{field.Name}' of type '{field.EdmType}'.", "facet");
            }
        }

        return new FacetSpec(field, count ?? 10, sort ?? "count", values, interval, offset);
    }

    private static SearchApiException Invalid(string expression) =>
        SearchApiException.InvalidExpression($"The facet expression '{expression}' is not valid.", "facet");
}
