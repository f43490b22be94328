using Lucene.Net.Util;

namespace FlinkSearch.Takedowns;

/// <summary>The hidden articles of one index generation as its top-level Lucene doc ids; empty when nothing is hidden.</summary>
public sealed class HiddenDocs
{
    public static readonly HiddenDocs None = new(null, 0);

    private readonly FixedBitSet? docs;

    internal HiddenDocs(FixedBitSet? docs, int count)
    {
        this.docs = docs;
        Count = count;
    }

    /// <summary>How many documents of the generation are hidden.</summary>
    public int Count { get; }

    public bool IsEmpty => docs is null;

    /// <param name="doc">A doc id of the whole reader (a segment's doc id plus its doc base).</param>
    public bool Contains(int doc) => docs is not null && docs.Get(doc);
}
