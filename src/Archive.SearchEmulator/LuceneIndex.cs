using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Archive.SearchEmulator;

/// <summary>
/// One index: its schema, a Lucene writer and a near-real-time searcher. Every write batch is committed (fsync)
/// before it is acknowledged, so an acknowledged write survives a crash, and the searcher is refreshed first, so
/// the next search sees it. When a background merge finishes, the searcher is refreshed as well (unless a write is
/// under way, which refreshes it anyway), so searches run on the merged segments instead of the many small ones a
/// series of batches leaves, and the retired segments' files are let go.
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly IndexAnalyzer indexAnalyzer;
    private readonly DelayedVisibility? visibility;
    private volatile IndexSchema schema;
    private volatile bool disposed;

    /// <param name="schema">The index definition.</param>
    /// <param name="folder">The folder the index lives in, or null in memory.</param>
    /// <param name="refreshDelay">How long after its acknowledgement a write becomes visible (zero: at once).</param>
    public LuceneIndex(IndexSchema schema, string? folder, TimeSpan refreshDelay = default)
    {
        this.schema = schema;
        Folder = folder;
        directory = folder is null ? new RAMDirectory() : new StoredFieldsBufferingDirectory(FSDirectory.Open(Path.Combine(folder, "lucene")));
        indexAnalyzer = new IndexAnalyzer(() => this.schema, searchSide: false);
        SearchAnalyzer = new IndexAnalyzer(() => this.schema, searchSide: true);
        var config = new IndexWriterConfig(AnalyzerCatalog.Version, indexAnalyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = CreateSimilarity(schema),
            RAMBufferSizeMB = 64,
            MergeScheduler = new RefreshingMergeScheduler(() => ThreadPool.UnsafeQueueUserWorkItem(static index => index.RefreshAfterMerge(), this, preferLocal: false)),
        };
        writer = new IndexWriter(directory, config);
        writer.Commit();
        searchers = new SearcherManager(writer, true, new BM25SearcherFactory(() => this.schema));
        if (refreshDelay > TimeSpan.Zero)
        {
            visibility = new DelayedVisibility(searchers.Acquire(), refreshDelay, searchers.Release);
        }
    }

    public IndexSchema Schema => schema;

    /// <summary>The folder the index lives in, or null in memory.</summary>
    public string? Folder { get; }

    public IndexAnalyzer SearchAnalyzer { get; }

    public void UpdateSchema(IndexSchema updated) => schema = updated;

    /// <summary>Runs <paramref name="action"/> with the searcher visible now (see <see cref="DelayedVisibility"/>).</summary>
    public T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        if (visibility is not null)
        {
            var visible = visibility.Acquire();
            try
            {
                return action(visible);
            }
            finally
            {
                DelayedVisibility.Release(visible);
            }
        }

        var searcher = searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public long Count() => WithSearcher(s => (long)s.IndexReader.NumDocs);

    public JsonObject? Lookup(string key) => WithSearcher(s => Lookup(s, key));

    public static JsonObject? Lookup(IndexSearcher searcher, string key)
    {
        var doc = Find(searcher, key);
        return doc < 0 ? null : ReadSource(searcher, doc);
    }

    /// <summary>The live document with the key, or -1: a direct term lookup per segment, no scoring.</summary>
    public static int Find(IndexSearcher searcher, string key)
    {
        var term = new Term(DocumentCodec.KeyField, key);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var docs = leaf.AtomicReader.GetTermDocsEnum(term);
            if (docs is not null)
            {
                var doc = docs.NextDoc();
                if (doc != DocIdSetIterator.NO_MORE_DOCS)
                {
                    return leaf.DocBase + doc;
                }
            }
        }

        return -1;
    }

    public static JsonObject ReadSource(IndexSearcher searcher, int doc)
    {
        var stored = searcher.Doc(doc, new HashSet<string> { DocumentCodec.SourceField });
        var bytes = stored.GetBinaryValue(DocumentCodec.SourceField);
        return JsonNode.Parse(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length))!.AsObject();
    }

    /// <summary>Applies a validated batch in order, commits, refreshes, and returns one result per action.</summary>
    public async Task<IReadOnlyList<IndexingResult>> ApplyAsync(IReadOnlyList<IndexAction> actions, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = schema;
            var pending = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
            var results = new List<IndexingResult>(actions.Count);
            var searcher = searchers.Acquire();
            try
            {
                foreach (var action in actions)
                {
                    var needsDocument = action.Kind is IndexActionKind.Merge or IndexActionKind.MergeOrUpload;
                    var exists = action.Kind != IndexActionKind.Delete
                        && (pending.TryGetValue(action.Key, out var p) ? p is not null : Find(searcher, action.Key) >= 0);
                    var existing = exists && needsDocument ? pending.GetValueOrDefault(action.Key) ?? Lookup(searcher, action.Key) : null;
                    var term = new Term(DocumentCodec.KeyField, action.Key);
                    switch (action.Kind)
                    {
                        case IndexActionKind.Delete:
                            writer.DeleteDocuments(term);
                            pending[action.Key] = null;
                            results.Add(new IndexingResult(action.Key, true, null, 200));
                            break;
                        case IndexActionKind.Merge when existing is null:
                            results.Add(new IndexingResult(action.Key, false, "Document not found.", 404));
                            break;
                        case IndexActionKind.Merge or IndexActionKind.MergeOrUpload when existing is not null:
                            var merged = (JsonObject)existing.DeepClone();
                            foreach (var (name, value) in action.Document)
                            {
                                merged[name] = value?.DeepClone();
                            }

                            writer.UpdateDocument(term, DocumentCodec.ToLucene(current, merged));
                            pending[action.Key] = merged;
                            results.Add(new IndexingResult(action.Key, true, null, 200));
                            break;
                        default:
                            writer.UpdateDocument(term, DocumentCodec.ToLucene(current, action.Document));
                            pending[action.Key] = action.Document;
                            results.Add(new IndexingResult(action.Key, true, null, exists ? 200 : 201));
                            break;
                    }
                }
            }
            finally
            {
                searchers.Release(searcher);
            }

            writer.Commit();
            searchers.MaybeRefreshBlocking();
            visibility?.Schedule(searchers.Acquire());
            return results;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        // Wait for a write or a post-merge refresh under way, so nothing uses the searchers or the writer as they close.
        disposed = true;
        writeGate.Wait();
        visibility?.Dispose();
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        indexAnalyzer.Dispose();
        SearchAnalyzer.Dispose();
        writeGate.Dispose();
    }

    /// <summary>
    /// Opens the merged segments for searching. Skipped while a write batch is being applied: a refresh then could
    /// show part of a batch before it is committed, and the write refreshes after its commit anyway.
    /// </summary>
    private void RefreshAfterMerge()
    {
        try
        {
            if (disposed || !writeGate.Wait(0))
            {
                return;
            }

            try
            {
                if (!disposed)
                {
                    searchers.MaybeRefresh();
                }
            }
            finally
            {
                writeGate.Release();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Closing, or the refresh failed (this runs on the thread pool, where an exception would end the process):
            // the next write refreshes again and reports a broken index itself.
        }
    }

    private static BM25Similarity CreateSimilarity(IndexSchema schema) => new((float)schema.K1, (float)schema.B);

    /// <summary>Lucene's default merge scheduler, calling back after each merge has been committed to the writer.</summary>
    private sealed class RefreshingMergeScheduler(Action merged) : ConcurrentMergeScheduler
    {
        protected override void DoMerge(MergePolicy.OneMerge merge)
        {
            base.DoMerge(merge);
            merged();
        }
    }

    /// <summary>Gives every searcher the index's BM25 similarity.</summary>
    private sealed class BM25SearcherFactory(Func<IndexSchema> schema) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = CreateSimilarity(schema()) };
    }
}
