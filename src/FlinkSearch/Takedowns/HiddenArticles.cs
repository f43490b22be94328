using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace FlinkSearch.Takedowns;

/// <summary>
/// The filter every reader-facing feature applies (search candidates, suggestions, and later related articles and the
/// feed): the takedown list turned into the Lucene doc ids of a generation, worked out once per generation and list
/// version, so a takedown applies at the next request with no rebuild, and to every generation built afterwards.
/// </summary>
public sealed class HiddenArticles(TakedownList list)
{
    private volatile Resolved? resolved;

    /// <summary>True when the article with this id is taken down.</summary>
    public bool IsHidden(string id) => list.Current.Contains(id);

    /// <summary>The hidden docs of the generation <paramref name="reader"/> belongs to (named <paramref name="generation"/>).</summary>
    public HiddenDocs Of(IndexReader reader, string generation)
    {
        var takedowns = list.Current;
        if (resolved is { } known && known.Generation == generation && ReferenceEquals(known.Takedowns, takedowns))
        {
            return known.Docs;
        }

        var docs = Resolve(reader, takedowns);
        resolved = new Resolved(generation, takedowns, docs);
        return docs;
    }

    private static HiddenDocs Resolve(IndexReader reader, TakedownList.Snapshot takedowns)
    {
        if (takedowns.Ids.Count == 0)
        {
            return HiddenDocs.None;
        }

        var bits = new FixedBitSet(reader.MaxDoc);
        var count = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (segment.GetTerms(IndexFields.Id)?.GetEnumerator() is not { } terms)
            {
                continue;
            }

            DocsEnum? postings = null;
            foreach (var id in takedowns.Ids)
            {
                if (!terms.SeekExact(new BytesRef(id)))
                {
                    continue;
                }

                // Live docs only: an incremental build leaves the replaced copy of an article deleted in its segment.
                postings = terms.Docs(segment.LiveDocs, postings, DocsFlags.NONE);
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    bits.Set(leaf.DocBase + doc);
                    count++;
                }
            }
        }

        return count == 0 ? HiddenDocs.None : new HiddenDocs(bits, count);
    }

    private sealed record Resolved(string Generation, TakedownList.Snapshot Takedowns, HiddenDocs Docs);
}
