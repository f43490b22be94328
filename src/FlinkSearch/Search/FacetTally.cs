namespace FlinkSearch.Search;

/// <summary>
/// Counts the matches per name of one facet (sections or accounts): per segment into an array indexed by ordinal, added
/// up by name when the segment is done, so the per-match cost stays one array increment.
/// </summary>
internal sealed class FacetTally
{
    private readonly Dictionary<string, int> totals = new(StringComparer.Ordinal);
    private FacetOrdinals? segment;
    private int[] segmentCounts = [];

    public FacetOrdinals Segment => segment!;

    public void NextSegment(FacetOrdinals ordinals)
    {
        Flush();
        segment = ordinals;
        segmentCounts = new int[ordinals.Names];
    }

    public void Add(int doc) => segment!.AddTo(segmentCounts, doc);

    /// <summary>Names with their counts, the largest count first, ties by name.</summary>
    public IEnumerable<KeyValuePair<string, int>> Totals()
    {
        Flush();
        return totals.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal);
    }

    private void Flush()
    {
        if (segment is null)
        {
            return;
        }

        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            if (segmentCounts[ord] > 0)
            {
                var name = segment.NameOf(ord);
                totals[name] = totals.GetValueOrDefault(name) + segmentCounts[ord];
            }
        }

        segment = null;
        segmentCounts = [];
    }
}
