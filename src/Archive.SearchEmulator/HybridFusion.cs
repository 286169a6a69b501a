namespace Archive.SearchEmulator;

/// <summary>
/// Reciprocal Rank Fusion, as Azure merges the results of parallel queries (hybrid text + vector, several vector
/// queries, one vector query over several fields): every ranked list gives each of its documents
/// <c>weight / (60 + rank)</c> (rank from 1), a document's score is the sum over the lists it is in, so documents found
/// by one list only are kept, and the fused list is sorted by that score.
/// See https://learn.microsoft.com/azure/search/hybrid-search-ranking.
/// </summary>
internal static class HybridFusion
{
    /// <summary>The RRF constant Azure uses (distinct from a vector query's k).</summary>
    public const int RankConstant = 60;

    public static List<VectorStore.ScoredDoc> Fuse(IReadOnlyList<(IReadOnlyList<int> Docs, double Weight)> lists)
    {
        var scores = new Dictionary<int, double>();
        foreach (var (docs, weight) in lists)
        {
            for (var i = 0; i < docs.Count; i++)
            {
                scores[docs[i]] = scores.GetValueOrDefault(docs[i]) + (weight / (RankConstant + i + 1));
            }
        }

        // Ties (equal fused scores) have no defined order in Azure; here the lower document number comes first.
        return scores
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key)
            .Select(p => new VectorStore.ScoredDoc(p.Key, (float)p.Value))
            .ToList();
    }
}
