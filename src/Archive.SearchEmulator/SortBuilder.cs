using Lucene.Net.Search;

namespace Archive.SearchEmulator;

/// <summary>
/// Translates <c>$orderby</c> (fields and <c>search.score()</c>, asc/desc) into a Lucene sort. Nulls come first
/// ascending and last descending; ties are broken by score, then by index order.
/// </summary>
internal static class SortBuilder
{
    private const int MaxClauses = 32;

    public static Sort? Build(IndexSchema schema, string? orderBy)
    {
        if (string.IsNullOrWhiteSpace(orderBy))
        {
            return null;
        }

        var clauses = orderBy.Split(',', StringSplitOptions.TrimEntries);
        if (clauses.Length > MaxClauses)
        {
            throw SearchApiException.InvalidExpression($"There are too many $orderby clauses. The maximum is {MaxClauses}.", "$orderby");
        }

        var sortFields = new List<SortField>();
        foreach (var clause in clauses)
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || (parts.Length == 2 && parts[1] is not ("asc" or "desc")))
            {
                throw SearchApiException.InvalidExpression($"Syntax error in '{orderBy}'.", "$orderby");
            }

            var descending = parts.Length == 2 && parts[1] == "desc";
            if (parts[0] == "search.score()")
            {
                sortFields.Add(new SortField(null, SortFieldType.SCORE, !descending));
                continue;
            }

            if (!schema.FieldsByName.TryGetValue(parts[0], out var field))
            {
                throw SearchApiException.InvalidExpression($"Could not find a property named '{parts[0]}' on type 'search.document'.", "$orderby");
            }

            if (!field.Sortable || field.IsCollection || !field.IsSimple)
            {
                throw SearchApiException.InvalidExpression($"'{field.Name}' is not a sortable field. Only sortable fields can be used in $orderby expressions.", "$orderby");
            }

            sortFields.Add(field.Kind switch
            {
                FieldKind.String => Missing(new SortField(field.StringSortField, SortFieldType.STRING, descending), SortField.STRING_FIRST),
                FieldKind.Double => Missing(new SortField(field.ValuesField, SortFieldType.DOUBLE, descending), J2N.Numerics.Double.GetInstance(double.NegativeInfinity)),
                _ => Missing(new SortField(field.ValuesField, SortFieldType.INT64, descending), J2N.Numerics.Int64.GetInstance(long.MinValue)),
            });
        }

        sortFields.Add(SortField.FIELD_SCORE);
        sortFields.Add(SortField.FIELD_DOC);
        return new Sort([.. sortFields]);
    }

    private static SortField Missing(SortField sortField, object missingValue)
    {
        sortField.SetMissingValue(missingValue);
        return sortField;
    }
}
