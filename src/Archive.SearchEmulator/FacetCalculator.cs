using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.SearchEmulator;

/// <summary>
/// Computes facets over the whole match set from doc values, in Azure's shapes: value buckets
/// <c>{"count","value"}</c> for plain and interval facets, range buckets <c>{"count","from","to"}</c> for values facets.
/// It is a collector: every match is counted as the search finds it (no list of matches is kept), per segment and with
/// typed keys, so a facet over tens of thousands of matches allocates next to nothing.
/// </summary>
internal sealed class FacetCalculator : ICollector
{
    private readonly FacetCounter[] counters;

    public FacetCalculator(IReadOnlyList<FacetSpec> specs)
    {
        counters = new FacetCounter[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            counters[i] = specs[i].Field.Kind switch
            {
                FieldKind.String => new StringCounter(specs[i]),
                FieldKind.Double => new DoubleCounter(specs[i]),
                _ => new Int64Counter(specs[i]),
            };
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var counter in counters)
        {
            counter.SetNextReader(context.AtomicReader);
        }
    }

    public void Collect(int doc)
    {
        foreach (var counter in counters)
        {
            counter.Collect(doc);
        }
    }

    /// <summary>The <c>@search.facets</c> object, once the search has run.</summary>
    public JsonObject Compute()
    {
        var result = new JsonObject();
        foreach (var counter in counters)
        {
            result[counter.Spec.Field.Name] = counter.Result();
        }

        return result;
    }

    /// <summary>The bucket (interval start, UTC milliseconds) a date falls in for an interval facet.</summary>
    internal static long DateBucket(FacetSpec spec, long milliseconds)
    {
        var date = DocumentCodec.FromMilliseconds(milliseconds).ToOffset(spec.TimeOffset);
        return DocumentCodec.ToMilliseconds(spec.Interval switch
        {
            "minute" => new DateTimeOffset(date.Year, date.Month, date.Day, date.Hour, date.Minute, 0, date.Offset),
            "hour" => new DateTimeOffset(date.Year, date.Month, date.Day, date.Hour, 0, 0, date.Offset),
            "day" => new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, date.Offset),
            "week" => new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, date.Offset).AddDays(-(((int)date.DayOfWeek + 6) % 7)),
            "month" => new DateTimeOffset(date.Year, date.Month, 1, 0, 0, 0, date.Offset),
            "quarter" => new DateTimeOffset(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, date.Offset),
            _ => new DateTimeOffset(date.Year, 1, 1, 0, 0, 0, date.Offset),
        });
    }

    /// <summary>The first millisecond after the date interval that starts at <paramref name="bucket"/>.</summary>
    private static long DateBucketEnd(FacetSpec spec, long bucket)
    {
        var start = DocumentCodec.FromMilliseconds(bucket).ToOffset(spec.TimeOffset);
        return DocumentCodec.ToMilliseconds(spec.Interval switch
        {
            "minute" => start.AddMinutes(1),
            "hour" => start.AddHours(1),
            "day" => start.AddDays(1),
            "week" => start.AddDays(7),
            "month" => start.AddMonths(1),
            "quarter" => start.AddMonths(3),
            _ => start.AddYears(1),
        });
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

    /// <summary>One facet's counting, fed segment by segment.</summary>
    private abstract class FacetCounter
    {
        public abstract FacetSpec Spec { get; }

        public abstract void SetNextReader(AtomicReader reader);

        public abstract void Collect(int doc);

        public abstract JsonArray Result();
    }

    /// <summary>One facet's counts by key of type <typeparamref name="TKey"/>, ordered with <paramref name="comparer"/> (strings ordinally, numbers numerically).</summary>
    private abstract class FacetCounter<TKey>(FacetSpec spec, IComparer<TKey> comparer) : FacetCounter
        where TKey : notnull
    {
        /// <summary>Per distinct key (value facets and values facets) or per interval start (interval facets).</summary>
        protected Dictionary<TKey, long> Counts { get; } = [];

        public override FacetSpec Spec => spec;

        public override JsonArray Result()
        {
            if (spec.Values is not null)
            {
                return Ranges();
            }

            if (spec.Interval is not null)
            {
                // The keys are already interval starts.
                return new JsonArray(Counts.OrderBy(c => c.Key, comparer).Select(c => (JsonNode)Bucket(c.Key, c.Value)).ToArray());
            }

            IEnumerable<KeyValuePair<TKey, long>> ordered = spec.Sort switch
            {
                "-count" => Counts.OrderBy(c => c.Value).ThenBy(c => c.Key, comparer),
                "value" => Counts.OrderBy(c => c.Key, comparer),
                "-value" => Counts.OrderByDescending(c => c.Key, comparer),
                _ => Counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, comparer),
            };
            if (spec.Count > 0)
            {
                ordered = ordered.Take(spec.Count);
            }

            return new JsonArray(ordered.Select(c => (JsonNode)Bucket(c.Key, c.Value)).ToArray());
        }

        private JsonObject Bucket(TKey key, long count) => new() { ["count"] = count, ["value"] = ToJson(spec.Field, key) };

        private JsonArray Ranges()
        {
            var bounds = spec.Values!.Select(v => (TKey)ParseBound(spec.Field, v)).ToList();
            var buckets = new long[bounds.Count + 1];
            foreach (var (key, count) in Counts)
            {
                var index = 0;
                while (index < bounds.Count && comparer.Compare(key, bounds[index]) >= 0)
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
    }

    /// <summary>String facets: counts per segment ordinal, turned into strings once per segment.</summary>
    private sealed class StringCounter(FacetSpec spec) : FacetCounter<string>(spec, StringComparer.Ordinal)
    {
        private readonly BytesRef bytes = new();
        private SortedSetDocValues? values;
        private int[]? starts;
        private int[] ords = [];
        private long[] ordCounts = [];
        private int valueCount;

        public override void SetNextReader(AtomicReader reader)
        {
            Flush();
            var cached = FacetValuesCache.Ordinals(reader, Spec.Field.ValuesField);
            values = cached is null ? null : reader.GetSortedSetDocValues(Spec.Field.ValuesField);
            if (cached is null || values is null)
            {
                values = null;
                return;
            }

            starts = cached.Starts;
            ords = cached.Ords;
            valueCount = cached.ValueCount;
            if (ordCounts.Length < valueCount)
            {
                ordCounts = new long[valueCount];
            }
        }

        public override void Collect(int doc)
        {
            if (values is null)
            {
                return;
            }

            if (starts is null)
            {
                var ord = ords[doc];
                if (ord >= 0)
                {
                    ordCounts[ord]++;
                }

                return;
            }

            for (int i = starts[doc], end = starts[doc + 1]; i < end; i++)
            {
                ordCounts[ords[i]]++;
            }
        }

        public override JsonArray Result()
        {
            Flush();
            return base.Result();
        }

        private void Flush()
        {
            if (values is null)
            {
                return;
            }

            for (var ord = 0; ord < valueCount; ord++)
            {
                if (ordCounts[ord] > 0)
                {
                    values.LookupOrd(ord, bytes);
                    CollectionsMarshal.GetValueRefOrAddDefault(Counts, bytes.Utf8ToString(), out _) += ordCounts[ord];
                    ordCounts[ord] = 0;
                }
            }

            values = null;
        }
    }

    /// <summary>Facets over numeric doc values (integers, dates and booleans as longs, doubles as their bits), read from the per-segment cache.</summary>
    private abstract class NumericCounter<TKey>(FacetSpec spec, IComparer<TKey> comparer) : FacetCounter<TKey>(spec, comparer)
        where TKey : notnull
    {
        private long[]? values;
        private bool[] present = [];

        public sealed override void SetNextReader(AtomicReader reader)
        {
            var cached = FacetValuesCache.Numbers(reader, Spec.Field.ValuesField);
            values = cached?.Values;
            present = cached?.Present ?? [];
        }

        public sealed override void Collect(int doc)
        {
            if (values is not null && present[doc])
            {
                Count(values[doc]);
            }
        }

        /// <summary>Counts one document's raw doc value.</summary>
        protected abstract void Count(long raw);
    }

    /// <summary>Integer, date and boolean facets (doc values hold the long).</summary>
    private sealed class Int64Counter : NumericCounter<long>
    {
        private const int MaxCachedIntervals = 4096;
        private readonly double step;
        private readonly bool dates;
        private long[] intervalStarts = [];
        private long[] intervalEnds = [];
        private long[] intervalCounts = [];
        private int intervals;

        public Int64Counter(FacetSpec spec)
            : base(spec, Comparer<long>.Default)
        {
            if (spec.Interval is not null)
            {
                dates = spec.Field.Kind == FieldKind.DateTimeOffset;
                step = dates ? 0 : double.Parse(spec.Interval, CultureInfo.InvariantCulture);
            }
        }

        protected override void Count(long raw)
        {
            if (dates)
            {
                CountDate(raw);
                return;
            }

            var key = Spec.Interval is null ? raw : (long)(Math.Floor(raw / step) * step);
            CollectionsMarshal.GetValueRefOrAddDefault(Counts, key, out _)++;
        }

        public override JsonArray Result()
        {
            for (var i = 0; i < intervals; i++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(Counts, intervalStarts[i], out _) += intervalCounts[i];
            }

            intervals = 0;
            return base.Result();
        }

        /// <summary>
        /// Counts a date in its <see cref="DateBucket"/>, remembering each interval found as [start, end) with its count:
        /// the bucket is monotonic in the date, so a date inside a known interval belongs to it, and only the first date
        /// of each interval is computed.
        /// </summary>
        private void CountDate(long milliseconds)
        {
            var index = LastStartAtOrBefore(milliseconds);
            if (index >= 0 && milliseconds < intervalEnds[index])
            {
                intervalCounts[index]++;
                return;
            }

            var bucket = DateBucket(Spec, milliseconds);
            if (intervals < MaxCachedIntervals && bucket <= milliseconds && TryIntervalEnd(bucket, out var end) && milliseconds < end)
            {
                var at = LastStartAtOrBefore(bucket) + 1;
                if ((at == 0 || intervalEnds[at - 1] <= bucket) && (at == intervals || end <= intervalStarts[at]))
                {
                    if (intervals == intervalStarts.Length)
                    {
                        var size = Math.Max(16, intervals * 2);
                        Array.Resize(ref intervalStarts, size);
                        Array.Resize(ref intervalEnds, size);
                        Array.Resize(ref intervalCounts, size);
                    }

                    Array.Copy(intervalStarts, at, intervalStarts, at + 1, intervals - at);
                    Array.Copy(intervalEnds, at, intervalEnds, at + 1, intervals - at);
                    Array.Copy(intervalCounts, at, intervalCounts, at + 1, intervals - at);
                    intervalStarts[at] = bucket;
                    intervalEnds[at] = end;
                    intervalCounts[at] = 1;
                    intervals++;
                    return;
                }
            }

            CollectionsMarshal.GetValueRefOrAddDefault(Counts, bucket, out _)++;
        }

        /// <summary>The end of the interval starting at <paramref name="bucket"/>, checked: its first and last millisecond map to it.</summary>
        private bool TryIntervalEnd(long bucket, out long end)
        {
            try
            {
                end = DateBucketEnd(Spec, bucket);
                return end > bucket && DateBucket(Spec, bucket) == bucket && DateBucket(Spec, end - 1) == bucket;
            }
            catch (ArgumentOutOfRangeException)
            {
                end = 0;
                return false;
            }
        }

        private int LastStartAtOrBefore(long milliseconds)
        {
            int lo = 0, hi = intervals - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (intervalStarts[mid] <= milliseconds)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return hi;
        }
    }

    /// <summary>Double facets (doc values hold the bits of the double).</summary>
    private sealed class DoubleCounter : NumericCounter<double>
    {
        private readonly double step;

        public DoubleCounter(FacetSpec spec)
            : base(spec, Comparer<double>.Default)
        {
            if (spec.Interval is not null)
            {
                step = double.Parse(spec.Interval, CultureInfo.InvariantCulture);
            }
        }

        protected override void Count(long raw)
        {
            var value = BitConverter.Int64BitsToDouble(raw);
            var key = Spec.Interval is null ? value : Math.Floor(value / step) * step;
            CollectionsMarshal.GetValueRefOrAddDefault(Counts, key, out _)++;
        }
    }
}
