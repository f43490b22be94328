using Lucene.Net.Index;

namespace FlinkSearch.Indexing;

/// <summary>
/// How an incremental build keeps its segments in check. The carried-over segment keeps the old versions of replaced
/// and removed articles as deleted documents, and each build adds a small segment of its own.
/// </summary>
/// <remarks>
/// Measured at 10k articles with 1 % changed (docs/benchmarks.md §8): the incremental build takes 5–6 % of a full
/// build's time, and merging its result into one segment would add another 7 % (CPU) to 14 % (wall), so it is not
/// done every time. Deleted documents cost little search time at a few percent, but they still count in the term
/// statistics until merged away, which shifts scores slightly: near-equal hits may swap places against a full build
/// (7 of the 200 bench queries' top 10s at 1 %; once merged, the scores are the full build's to the bit). Past a tenth
/// of deleted documents a build therefore merges everything into one segment, which restores exact statistics and the
/// one-segment search speed; below that it only joins the small segments of earlier builds, so a generation never has
/// more than two segments.
/// </remarks>
public static class SegmentUpkeep
{
    /// <summary>Above this share of deleted documents the generation is merged into one segment.</summary>
    public const double MaxDeletedShare = 0.10;

    public static void Apply(IndexWriter writer, DirectoryReader previous, CarryOverPlan plan)
    {
        var documents = previous.MaxDoc + plan.Written.Count;
        var deleted = previous.NumDeletedDocs + plan.Updated + plan.Removed.Count;
        if (deleted > documents * MaxDeletedShare)
        {
            writer.ForceMerge(1);
        }
        else if (previous.Leaves.Count + (plan.Written.Count > 0 ? 1 : 0) > 2)
        {
            // LogByteSizeMergePolicy merges the smallest neighbours: the recent builds' segments, not the large one.
            writer.ForceMerge(2);
        }
    }
}
