using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Archive.SearchEmulator;

/// <summary>
/// Where vectors live and how they are searched. Each vector is written into the document's Lucene entry as binary
/// doc values (little-endian floats), so it is committed, fsynced and recovered with the rest of the document (an
/// acknowledged vector survives kill -9). For searching, each segment's vectors are read once into one contiguous
/// float array (with their norms for cosine) and kept for as long as the segment is alive; segments never change, so
/// the array never goes stale, and a merged segment gets its own on first use. Search is exact (brute force) with
/// <see cref="TensorPrimitives"/>; exact nearest neighbours are a correct answer for HNSW as well.
/// </summary>
internal static class VectorStore
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentVectors>> Segments = new();

    /// <summary>Adds the document's vectors to its Lucene entry.</summary>
    public static void AddTo(LuceneDocument doc, IndexSchema schema, JsonObject source)
    {
        foreach (var field in schema.Fields)
        {
            if (field.IsVector && source[field.Name] is JsonArray array && array.Count == field.Dimensions)
            {
                var values = new float[array.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)DocumentCodec.ToDouble(array[i]!);
                }

                doc.Add(new BinaryDocValuesField(field.VectorField, new BytesRef(MemoryMarshal.AsBytes(values.AsSpan()).ToArray())));
            }
        }
    }

    /// <summary>
    /// The <paramref name="k"/> documents most similar to <paramref name="query"/> in one field, best first; when
    /// <paramref name="candidates"/> is given, only the documents it accepts are considered (a pre-filter).
    /// </summary>
    public static List<ScoredDoc> Nearest(IndexSearcher searcher, SchemaField field, float[] query, int k, Filter? candidates)
    {
        var metric = field.VectorAlgorithm!.Metric;
        var queryNorm = TensorPrimitives.Norm(query);
        var heap = new PriorityQueue<ScoredDoc, (float Score, int NegDoc)>(k + 1);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var vectors = For(leaf.AtomicReader, field);
            if (vectors.Count == 0)
            {
                continue;
            }

            var live = leaf.AtomicReader.LiveDocs;
            var iterator = candidates?.GetDocIdSet(leaf, live)?.GetIterator();
            if (candidates is not null && iterator is null)
            {
                continue;
            }

            var doc = iterator?.NextDoc() ?? 0;
            while (doc != DocIdSetIterator.NO_MORE_DOCS && doc < vectors.MaxDoc)
            {
                if (vectors.Has[doc] && (iterator is not null || live is null || live.Get(doc)))
                {
                    var score = Score(metric, query, queryNorm, vectors.Row(doc), vectors.Norms[doc]);
                    var entry = new ScoredDoc(leaf.DocBase + doc, score);
                    if (heap.Count < k)
                    {
                        heap.Enqueue(entry, (score, -entry.Doc));
                    }
                    else if (heap.TryPeek(out _, out var worst) && (score > worst.Score || (score == worst.Score && -entry.Doc > worst.NegDoc)))
                    {
                        heap.DequeueEnqueue(entry, (score, -entry.Doc));
                    }
                }

                doc = iterator is null ? doc + 1 : iterator.NextDoc();
            }
        }

        var result = new List<ScoredDoc>(heap.Count);
        while (heap.Count > 0)
        {
            result.Add(heap.Dequeue());
        }

        result.Reverse();
        return result;
    }

    /// <summary>
    /// Azure's <c>@search.score</c> for a vector match, monotonic in the similarity. Cosine is the documented
    /// <c>1 / (1 + cosine_distance)</c>; Euclidean is <c>1 / (1 + distance)</c>; for dot product Azure documents only
    /// the range (0 to 1), so the emulator maps the dot product monotonically onto it (0.5 at 0).
    /// </summary>
    public static float Score(VectorMetric metric, ReadOnlySpan<float> query, float queryNorm, ReadOnlySpan<float> vector, float vectorNorm)
    {
        switch (metric)
        {
            case VectorMetric.Cosine:
                var cosine = queryNorm == 0 || vectorNorm == 0 ? 0 : TensorPrimitives.Dot(query, vector) / (queryNorm * vectorNorm);
                return 1 / (1 + (1 - Math.Clamp(cosine, -1, 1)));
            case VectorMetric.Euclidean:
                return 1 / (1 + TensorPrimitives.Distance(query, vector));
            default:
                var dot = TensorPrimitives.Dot(query, vector);
                return dot >= 0 ? 1 - (1 / (2 * (1 + dot))) : 1 / (2 * (1 - dot));
        }
    }

    /// <summary>The segment's vectors of one field, loaded on first use and kept with the segment.</summary>
    private static SegmentVectors For(AtomicReader reader, SchemaField field)
    {
        var bySegment = Segments.GetValue(reader.CoreCacheKey, static _ => new ConcurrentDictionary<string, SegmentVectors>(StringComparer.Ordinal));
        return bySegment.GetOrAdd(field.VectorField, static (name, state) => SegmentVectors.Load(state.reader, name, state.dimensions), (reader, dimensions: field.Dimensions!.Value));
    }

    /// <summary>Approximate bytes held by the loaded vectors of the searcher's segments (for the benchmark).</summary>
    public static long LoadedBytes(IndexSearcher searcher, SchemaField field) =>
        searcher.IndexReader.Leaves.Sum(l => (long)For(l.AtomicReader, field).Bytes);

    /// <summary>A document number (top-level) and its score.</summary>
    internal readonly record struct ScoredDoc(int Doc, float Score);

    private sealed class SegmentVectors
    {
        private readonly float[] data;
        private readonly int dimensions;

        private SegmentVectors(float[] data, float[] norms, bool[] has, int dimensions, int count)
        {
            this.data = data;
            this.dimensions = dimensions;
            Norms = norms;
            Has = has;
            Count = count;
        }

        public float[] Norms { get; }

        public bool[] Has { get; }

        public int MaxDoc => Has.Length;

        public int Count { get; }

        public long Bytes => (data.LongLength + Norms.LongLength) * sizeof(float) + Has.LongLength;

        public ReadOnlySpan<float> Row(int doc) => data.AsSpan(doc * dimensions, dimensions);

        public static SegmentVectors Load(AtomicReader reader, string name, int dimensions)
        {
            var values = reader.GetBinaryDocValues(name);
            var present = reader.GetDocsWithField(name);
            if (values is null || present is null)
            {
                return new SegmentVectors([], [], [], dimensions, 0);
            }

            var maxDoc = reader.MaxDoc;
            var data = new float[(long)maxDoc * dimensions];
            var norms = new float[maxDoc];
            var has = new bool[maxDoc];
            var count = 0;
            var scratch = new BytesRef();
            for (var doc = 0; doc < maxDoc; doc++)
            {
                if (!present.Get(doc))
                {
                    continue;
                }

                values.Get(doc, scratch);
                if (scratch.Length != dimensions * sizeof(float))
                {
                    continue;
                }

                var row = data.AsSpan(doc * dimensions, dimensions);
                MemoryMarshal.Cast<byte, float>(scratch.Bytes.AsSpan(scratch.Offset, scratch.Length)).CopyTo(row);
                norms[doc] = TensorPrimitives.Norm(row);
                has[doc] = true;
                count++;
            }

            return new SegmentVectors(data, norms, has, dimensions, count);
        }
    }
}
