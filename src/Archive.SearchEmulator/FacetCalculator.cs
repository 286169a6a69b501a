using System.Globalization;
using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Archive.SearchEmulator;

/// <summary>
/// Computes facets over the whole match set from doc values, in Azure's shapes: value buckets
/// <c>{"count","value"}</c> for plain and interval facets, range buckets <c>{"count","from","to"}</c> for values facets.
/// </summary>
internal static class FacetCalculator
{
    public static JsonObject Compute(IReadOnlyList<FacetSpec> specs, MatchCollector matches)
    {
        var result = new JsonObject();
        foreach (var spec in specs)
        {
            var counts = Count(spec.Field, matches);
            result[spec.Field.Name] = spec switch
            {
                { Values: not null } => Ranges(spec, counts),
                { Interval: not null } => Intervals(spec, counts),
                _ => ValueBuckets(spec, counts),
            };
        }

        return result;
    }

    private static Dictionary<object, long> Count(SchemaField field, MatchCollector matches)
    {
        var counts = new Dictionary<object, long>();
        foreach (var (context, docs) in matches.Leaves)
        {
            var reader = context.AtomicReader;
            if (field.Kind == FieldKind.String)
            {
                var values = reader.GetSortedSetDocValues(field.ValuesField);
                if (values is null)
                {
                    continue;
                }

                var ordCounts = new long[values.ValueCount];
                foreach (var doc in docs)
                {
                    values.SetDocument(doc);
                    long ord;
                    while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    {
                        ordCounts[ord]++;
                    }
                }

                var bytes = new BytesRef();
                for (var ord = 0; ord < ordCounts.Length; ord++)
                {
                    if (ordCounts[ord] > 0)
                    {
                        values.LookupOrd(ord, bytes);
                        var key = bytes.Utf8ToString();
                        counts[key] = counts.GetValueOrDefault(key) + ordCounts[ord];
                    }
                }
            }
            else
            {
                var values = reader.GetNumericDocValues(field.ValuesField);
                var present = reader.GetDocsWithField(field.ValuesField);
                if (values is null || present is null)
                {
                    continue;
                }

                foreach (var doc in docs)
                {
                    if (!present.Get(doc))
                    {
                        continue;
                    }

                    var raw = values.Get(doc);
                    var key = field.Kind == FieldKind.Double ? (object)BitConverter.Int64BitsToDouble(raw) : (object)raw;
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }

    private static JsonArray ValueBuckets(FacetSpec spec, Dictionary<object, long> counts)
    {
        IEnumerable<KeyValuePair<object, long>> ordered = spec.Sort switch
        {
            "-count" => counts.OrderBy(c => c.Value).ThenBy(c => c.Key, KeyComparer.Instance),
            "value" => counts.OrderBy(c => c.Key, KeyComparer.Instance),
            "-value" => counts.OrderByDescending(c => c.Key, KeyComparer.Instance),
            _ => counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, KeyComparer.Instance),
        };
        if (spec.Count > 0)
        {
            ordered = ordered.Take(spec.Count);
        }

        return new JsonArray(ordered.Select(c => (JsonNode)new JsonObject { ["count"] = c.Value, ["value"] = ToJson(spec.Field, c.Key) }).ToArray());
    }

    private static JsonArray Intervals(FacetSpec spec, Dictionary<object, long> counts)
    {
        var buckets = new SortedDictionary<object, long>(KeyComparer.Instance);
        foreach (var (key, count) in counts)
        {
            var bucket = Bucket(spec, key);
            buckets[bucket] = buckets.GetValueOrDefault(bucket) + count;
        }

        return new JsonArray(buckets.Select(b => (JsonNode)new JsonObject { ["count"] = b.Value, ["value"] = ToJson(spec.Field, b.Key) }).ToArray());
    }

    private static object Bucket(FacetSpec spec, object key)
    {
        if (spec.Field.Kind == FieldKind.DateTimeOffset)
        {
            var date = DocumentCodec.FromMilliseconds((long)key).ToOffset(spec.TimeOffset);
            var start = spec.Interval switch
            {
                "minute" => new DateTimeOffset(date.Year, date.Month, date.Day, date.Hour, date.Minute, 0, date.Offset),
                "hour" => new DateTimeOffset(date.Year, date.Month, date.Day, date.Hour, 0, 0, date.Offset),
                "day" => new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, date.Offset),
                "week" => new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, date.Offset).AddDays(-(((int)date.DayOfWeek + 6) % 7)),
                "month" => new DateTimeOffset(date.Year, date.Month, 1, 0, 0, 0, date.Offset),
                "quarter" => new DateTimeOffset(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, date.Offset),
                _ => new DateTimeOffset(date.Year, 1, 1, 0, 0, 0, date.Offset),
            };
            return DocumentCodec.ToMilliseconds(start);
        }

        var step = double.Parse(spec.Interval!, CultureInfo.InvariantCulture);
        return key switch
        {
            long l => (long)(Math.Floor(l / step) * step),
            double d => Math.Floor(d / step) * step,
            _ => key,
        };
    }

    private static JsonArray Ranges(FacetSpec spec, Dictionary<object, long> counts)
    {
        var bounds = spec.Values!.Select(v => ParseBound(spec.Field, v)).ToList();
        var buckets = new long[bounds.Count + 1];
        foreach (var (key, count) in counts)
        {
            var index = 0;
            while (index < bounds.Count && KeyComparer.Instance.Compare(key, bounds[index]) >= 0)
            {
                index++;
            }

            buckets[index] += count;
        }

        var result = new JsonArray();
        for (var i = 0; i <= bounds.Count; i++)
        {
            var bucket = new JsonObject { ["count"] = buckets[i] };
            if (i > 0)
            {
                bucket["from"] = ToJson(spec.Field, bounds[i - 1]);
            }

            if (i < bounds.Count)
            {
                bucket["to"] = ToJson(spec.Field, bounds[i]);
            }

            result.Add(bucket);
        }

        return result;
    }

    private static object ParseBound(SchemaField field, string text)
    {
        switch (field.Kind)
        {
            case FieldKind.String:
                return text;
            case FieldKind.DateTimeOffset when DocumentCodec.TryParseDate(text, out var date):
                return DocumentCodec.ToMilliseconds(date);
            case FieldKind.Int32 or FieldKind.Int64 when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l):
                return l;
            case FieldKind.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                return d;
            default:
                throw SearchApiException.InvalidExpression($"The facet value '{text}' is not valid for field '{field.Name}' of type '{field.EdmType}'.", "facet");
        }
    }

    private static JsonNode? ToJson(SchemaField field, object key) => key switch
    {
        string s => JsonValue.Create(s),
        long l => DocumentCodec.Int64ToJson(field, l),
        double d => DocumentCodec.DoubleToJson(d),
        _ => null,
    };

    /// <summary>Orders facet keys: strings ordinally, numbers numerically.</summary>
    private sealed class KeyComparer : IComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (long a, long b) => a.CompareTo(b),
            (double a, double b) => a.CompareTo(b),
            (long a, double b) => ((double)a).CompareTo(b),
            (double a, long b) => a.CompareTo(b),
            _ => 0,
        };
    }
}
