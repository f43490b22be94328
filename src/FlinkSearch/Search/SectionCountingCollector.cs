using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>Counts every match per section, so the client can offer section filters with counts.</summary>
public sealed class SectionCountingCollector : ICollector
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private SectionOrdinals? sections;
    private int[] segmentCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public IReadOnlyList<SectionCount> Counts
    {
        get
        {
            FlushSegment();
            return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new SectionCount(c.Key, c.Value)).ToList();
        }
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        sections = SectionOrdinals.Of(context.AtomicReader);
        segmentCounts = new int[sections.Sections];
    }

    public void Collect(int doc) => sections?.AddTo(segmentCounts, doc);

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
