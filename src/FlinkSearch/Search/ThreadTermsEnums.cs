using Lucene.Net.Index;

namespace FlinkSearch.Search;

/// <summary>
/// One terms enum per field and segment for each thread that searches, reused by every search the thread runs on the
/// same reader. Lucene.Net's terms enum holds frames and buffers (a few KB); making one per field for each search was a
/// tenth of what a search allocated at 10k. A search runs synchronously on one thread, and each use is a seek followed
/// at once by reading the term's state or postings, so the uses of one search never overlap.
/// </summary>
public static class ThreadTermsEnums
{
    [ThreadStatic] private static IndexReader? reader;
    [ThreadStatic] private static Dictionary<(int Leaf, string Field), TermsEnum?>? enums;

    /// <summary>The thread's enum of <paramref name="field"/> in <paramref name="leaf"/> of <paramref name="top"/>; null when the segment has no such field.</summary>
    public static TermsEnum? Of(IndexReader top, AtomicReaderContext leaf, string field)
    {
        if (!ReferenceEquals(reader, top) || enums is null)
        {
            // A new generation (or a first search): the old reader's enums must not outlive it here.
            reader = top;
            enums = [];
        }

        var key = (leaf.Ord, field);
        if (!enums.TryGetValue(key, out var termsEnum))
        {
            enums[key] = termsEnum = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
        }

        return termsEnum;
    }
}
