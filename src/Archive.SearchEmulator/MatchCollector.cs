using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.SearchEmulator;

/// <summary>Collects every matching document per segment, for facet counts over the whole match set.</summary>
internal sealed class MatchCollector : ICollector
{
    private List<int>? current;

    public List<(AtomicReaderContext Context, List<int> Docs)> Leaves { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void Collect(int doc) => current!.Add(doc);

    public void SetNextReader(AtomicReaderContext context)
    {
        current = [];
        Leaves.Add((context, current));
    }
}
