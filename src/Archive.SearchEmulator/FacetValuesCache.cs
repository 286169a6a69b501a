using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Archive.SearchEmulator;

/// <summary>
/// The doc values facets count, copied once per segment into plain arrays (as Lucene's field cache does), because
/// reading them through the on-disk doc-values format costs about 100 ns per document and facets read every match.
/// A segment's values never change (the emulator replaces documents, it never updates doc values in place), so the
/// arrays are keyed by the segment core and dropped with it once merges have retired the segment.
/// </summary>
internal static class FacetValuesCache
{
    private static readonly ConditionalWeakTable<object, Segment> Segments = new();

    /// <summary>The ordinals of a sorted-set doc-values field in the segment, or null when the segment has none.</summary>
    public static SegmentOrdinals? Ordinals(AtomicReader reader, string field)
    {
        var cache = Segments.GetValue(reader.CoreCacheKey, _ => new Segment()).Ordinals;
        return (SegmentOrdinals?)(cache.TryGetValue(field, out var loaded) ? loaded : cache.GetOrAdd(field, f => new Lazy<object?>(() => LoadOrdinals(reader, f)))).Value;
    }

    /// <summary>The values of a numeric doc-values field in the segment, or null when the segment has none.</summary>
    public static SegmentNumbers? Numbers(AtomicReader reader, string field)
    {
        var cache = Segments.GetValue(reader.CoreCacheKey, _ => new Segment()).Numbers;
        return (SegmentNumbers?)(cache.TryGetValue(field, out var loaded) ? loaded : cache.GetOrAdd(field, f => new Lazy<object?>(() => LoadNumbers(reader, f)))).Value;
    }

    private static SegmentOrdinals? LoadOrdinals(AtomicReader reader, string field)
    {
        var values = reader.GetSortedSetDocValues(field);
        if (values is null)
        {
            return null;
        }

        var maxDoc = reader.MaxDoc;
        var valueCount = checked((int)values.ValueCount);
        if (DocValues.UnwrapSingleton(values) is { } single)
        {
            var ords = new int[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                ords[doc] = single.GetOrd(doc);
            }

            return new SegmentOrdinals(valueCount, null, ords);
        }

        var starts = new int[maxDoc + 1];
        var all = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                all.Add((int)ord);
            }

            starts[doc + 1] = all.Count;
        }

        return new SegmentOrdinals(valueCount, starts, all.ToArray());
    }

    private static SegmentNumbers? LoadNumbers(AtomicReader reader, string field)
    {
        var values = reader.GetNumericDocValues(field);
        var present = reader.GetDocsWithField(field);
        if (values is null || present is null)
        {
            return null;
        }

        var maxDoc = reader.MaxDoc;
        var copied = new long[maxDoc];
        var has = new bool[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (present.Get(doc))
            {
                has[doc] = true;
                copied[doc] = values.Get(doc);
            }
        }

        return new SegmentNumbers(copied, has);
    }

    private sealed class Segment
    {
        public ConcurrentDictionary<string, Lazy<object?>> Ordinals { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, Lazy<object?>> Numbers { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>
/// A segment's ordinals for one field: per document either one ordinal (-1: none) in <see cref="Ords"/>, or, when
/// <see cref="Starts"/> is set, the ordinals <c>Ords[Starts[doc]..Starts[doc + 1]]</c>.
/// </summary>
internal sealed record SegmentOrdinals(int ValueCount, int[]? Starts, int[] Ords);

/// <summary>A segment's numeric doc values for one field; <see cref="Present"/> tells which documents have one.</summary>
internal sealed record SegmentNumbers(long[] Values, bool[] Present);
