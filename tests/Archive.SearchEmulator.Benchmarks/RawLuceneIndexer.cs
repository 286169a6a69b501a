using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Archive.SearchEmulator.Benchmarks;

/// <summary>
/// The baseline: the same documents indexed straight into Lucene.Net with the same field layout the emulator uses
/// (analyzed text, exact values, doc values, the stored source), committing once per batch like the emulator does.
/// </summary>
internal static class RawLuceneIndexer
{
    public static TimeSpan Index(IReadOnlyList<BenchArticle> articles, int batchSize, bool commitPerBatch)
    {
        var folder = Path.Combine(Path.GetTempPath(), "raw-lucene-" + Guid.NewGuid().ToString("N"));
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            using var standard = new StandardAnalyzer(LuceneVersion.LUCENE_48, CharArraySet.Empty);
            using var english = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
            using var analyzer = new PerFieldAnalyzerWrapper(standard, new Dictionary<string, Analyzer> { ["body"] = english });
            using var directory = FSDirectory.Open(folder);
            using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity(), RAMBufferSizeMB = 64 });
            for (var i = 0; i < articles.Count; i++)
            {
                var a = articles[i];
                var doc = new Document
                {
                    new StringField("__key", a.Id, Field.Store.NO),
                    new StoredField("__doc", JsonSerializer.SerializeToUtf8Bytes(a)),
                    new StringField("__r_id", a.Id, Field.Store.NO),
                    new TextField("title", a.Title, Field.Store.NO),
                    new TextField("body", a.Body, Field.Store.NO),
                    new StringField("__r_author", a.Author, Field.Store.NO),
                    new SortedSetDocValuesField("__v_author", new BytesRef(a.Author)),
                    new Int64Field("__r_published", a.Published.ToUnixTimeMilliseconds(), Field.Store.NO),
                    new NumericDocValuesField("__v_published", a.Published.ToUnixTimeMilliseconds()),
                    new Int64Field("__r_words", a.Words, Field.Store.NO),
                    new NumericDocValuesField("__v_words", a.Words),
                };
                foreach (var tag in a.Tags)
                {
                    doc.Add(new TextField("tags", tag, Field.Store.NO));
                    doc.Add(new StringField("__r_tags", tag, Field.Store.NO));
                    doc.Add(new SortedSetDocValuesField("__v_tags", new BytesRef(tag)));
                }

                writer.UpdateDocument(new Term("__key", a.Id), doc);
                if (commitPerBatch && (i + 1) % batchSize == 0)
                {
                    writer.Commit();
                }
            }

            writer.Commit();
            return started.Elapsed;
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
