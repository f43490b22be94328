using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace FlinkSearch.Search;

/// <summary>Counts every match per section (from doc values), so the client can offer section filters with counts.</summary>
public sealed class SectionCountingCollector : ICollector
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private SortedSetDocValues? values;
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
        values = context.AtomicReader.GetSortedSetDocValues(IndexFields.SectionFacet);
        segmentCounts = values is null ? [] : new int[values.ValueCount];
    }

    public void Collect(int doc)
    {
        if (values is null)
        {
            return;
        }

        values.SetDocument(doc);
        long ord;
        while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            segmentCounts[ord]++;
        }
    }

    private void FlushSegment()
    {
        if (values is null)
        {
            return;
        }

        var name = new BytesRef();
        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            if (segmentCounts[ord] == 0)
            {
                continue;
            }

            values.LookupOrd(ord, name);
            var key = name.Utf8ToString();
            counts[key] = counts.GetValueOrDefault(key) + segmentCounts[ord];
        }

        values = null;
        segmentCounts = [];
    }
}
