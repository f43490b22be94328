using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace FlinkSearch.Indexing;

/// <summary>
/// The incremental half of <see cref="IndexBuilder"/>: the previous generation's segments are copied into the new
/// generation as they are (no analysis, no re-encoding), then the plan's changes are applied on top.
/// </summary>
public static class CarryOverBuild
{
    public static BuildSummary Write(IndexWriter writer, PreviousGeneration previous, CarryOverPlan plan, Analyzer analyzer, CancellationToken cancellationToken)
    {
        writer.AddIndexes(previous.Directory);
        foreach (var id in plan.Removed)
        {
            writer.DeleteDocuments(new Term(IndexFields.Id, id));
        }

        // Changed and new articles only; the documents come checked for cancellation, one by one.
        foreach (var document in AnalyzedDocuments.InSourceOrder(plan.Written, analyzer, cancellationToken))
        {
            var id = document.Get(IndexFields.Id);
            if (plan.Replaced.Contains(id))
            {
                writer.UpdateDocument(new Term(IndexFields.Id, id), document);
            }
            else
            {
                writer.AddDocument(document);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        SegmentUpkeep.Apply(writer, previous.Reader, plan);
        return new BuildSummary(BuildSummary.Incremental, null, plan.Carried, plan.Updated, plan.Added, plan.Removed.Count);
    }
}
