using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// Adds a boost query's score to the first hits of a search only. Lucene 4.8 has no QueryRescorer; this is the same
/// idea: the boost is scored for a few hundred documents instead of for every match, and reorders only those.
/// </summary>
public static class ProximityRescorer
{
    /// <summary>How many of the best hits the boost may reorder; the rest keep their order below them.</summary>
    public const int Candidates = 200;

    public static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] hits, Query boost)
    {
        if (hits.Length == 0)
        {
            return hits;
        }

        var weight = searcher.CreateNormalizedWeight(boost);
        var leaves = searcher.IndexReader.Leaves;
        var rescored = hits.Select(hit => new ScoreDoc(hit.Doc, hit.Score)).OrderBy(hit => hit.Doc).ToArray();
        var leaf = -1;
        var leafEnd = 0;
        var docBase = 0;
        Scorer? scorer = null;
        foreach (var hit in rescored)
        {
            // Hits in document order, so each segment's scorer only moves forward.
            while (hit.Doc >= leafEnd)
            {
                var context = leaves[++leaf];
                docBase = context.DocBase;
                leafEnd = docBase + context.AtomicReader.MaxDoc;
                scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
            }

            if (scorer is null)
            {
                continue;
            }

            var target = hit.Doc - docBase;
            var at = scorer.DocID < target ? scorer.Advance(target) : scorer.DocID;
            if (at == target)
            {
                hit.Score += scorer.GetScore();
            }
        }

        return [.. rescored.OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Doc)];
    }
}
