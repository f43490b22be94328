using FlinkSearch.Indexing;
using FlinkSearch.Takedowns;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// One pass over every match of the candidate query: counts the matches per section (over the whole result set, so a
/// client can switch filters) and keeps the best <paramref name="depth"/> of those in the <paramref name="section"/>
/// asked for, if any. Taken-down articles (<paramref name="hidden"/>) are skipped as if they did not match.
/// </summary>
public sealed class CandidateCollector(int depth, string? section, HiddenDocs? hidden = null) : ICollector
{
    private readonly TopScoreDocCollector top = TopScoreDocCollector.Create(depth, docsScoredInOrder: true);
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private SectionOrdinals? sections;
    private int[] segmentCounts = [];
    private int wantedOrdinal = -1;
    private int docBase;

    // In order: for a pure disjunction Lucene.Net would otherwise pick its out-of-order BooleanScorer, whose bucket table
    // is 2,048 objects made afresh for every search (~100 KB, a sixth of what a search allocated at 10k).
    public bool AcceptsDocsOutOfOrder => false;

    /// <summary>Matches in the section asked for (all matches without one).</summary>
    public int TotalHits => top.TotalHits;

    public TopDocs Top() => top.GetTopDocs();

    public IReadOnlyList<SectionCount> Counts
    {
        get
        {
            FlushSegment();
            return [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new SectionCount(c.Key, c.Value))];
        }
    }

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        sections = SectionOrdinals.Of(context.AtomicReader);
        segmentCounts = new int[sections.Sections];
        wantedOrdinal = section is null ? -1 : sections.OrdinalOf(section);
        docBase = context.DocBase;
        top.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (hidden is not null && hidden.Contains(docBase + doc))
        {
            return;
        }

        sections!.AddTo(segmentCounts, doc);
        if (section is null || (wantedOrdinal >= 0 && sections.Contains(doc, wantedOrdinal)))
        {
            top.Collect(doc);
        }
    }

    private void FlushSegment()
    {
        if (sections is null)
        {
            return;
        }

        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            if (segmentCounts[ord] > 0)
            {
                var name = sections.NameOf(ord);
                counts[name] = counts.GetValueOrDefault(name) + segmentCounts[ord];
            }
        }

        sections = null;
        segmentCounts = [];
    }
}
