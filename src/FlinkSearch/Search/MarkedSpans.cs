using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace FlinkSearch.Search;

/// <summary>Where a mark goes: a character span of the field's text, and the query concept it shows.</summary>
public readonly record struct MarkSpan(int Start, int End, int Concept);

/// <summary>The marks of one hit: in its title, its body (the catch-all's first value) and its note.</summary>
public sealed class HitSpans
{
    public List<MarkSpan> Title { get; } = [];
    public List<MarkSpan> Body { get; } = [];
    public List<MarkSpan> Note { get; } = [];

    public List<MarkSpan> Of(string field) => field switch
    {
        IndexFields.Title or IndexFields.TitleGrams => Title,
        IndexFields.All or IndexFields.AllGrams => Body,
        _ => Note,
    };
}

/// <summary>
/// Reads where a search's marks fall in the hits of one page from the offsets kept in the postings, so no text is
/// analysed again: per field and segment one terms enum, per term one postings enum that only moves forward over the
/// page's documents in order.
/// </summary>
public static class MarkedSpans
{
    public static IReadOnlyDictionary<int, HitSpans> Read(IndexReader reader, IReadOnlyList<int> docs, MarkPlan plan)
    {
        var result = docs.Distinct().ToDictionary(doc => doc, _ => new HitSpans());
        if (plan.Patterns.Count == 0 || result.Count == 0)
        {
            return result;
        }

        var sorted = result.Keys.Order().ToArray();
        foreach (var field in plan.Patterns.Select(pattern => pattern.Field).Distinct())
        {
            var patterns = plan.In(field).ToList();
            foreach (var leaf in reader.Leaves)
            {
                var from = Array.FindIndex(sorted, doc => doc >= leaf.DocBase);
                if (from < 0 || sorted[from] >= leaf.DocBase + leaf.AtomicReader.MaxDoc || leaf.AtomicReader.GetTerms(field) is not { } terms)
                {
                    continue;
                }

                var postings = new LeafPostings(terms);
                for (var i = from; i < sorted.Length && sorted[i] < leaf.DocBase + leaf.AtomicReader.MaxDoc; i++)
                {
                    var spans = result[sorted[i]].Of(field);
                    foreach (var pattern in patterns)
                    {
                        AddMatches(postings, sorted[i] - leaf.DocBase, pattern, spans);
                    }
                }
            }
        }

        return result;
    }

    private static void AddMatches(LeafPostings postings, int doc, MarkPattern pattern, List<MarkSpan> spans)
    {
        var first = postings.Occurrences(pattern.Terms[0], doc);
        foreach (var (position, start, end) in first)
        {
            var last = end;
            var whole = true;
            for (var t = 1; t < pattern.Terms.Count && whole; t++)
            {
                whole = false;
                foreach (var next in postings.Occurrences(pattern.Terms[t], doc))
                {
                    if (next.Position == position + t)
                    {
                        (whole, last) = (true, next.End);
                        break;
                    }
                }
            }

            if (whole)
            {
                spans.Add(new MarkSpan(start, last, pattern.Concept));
            }
        }
    }

    private sealed class LeafPostings(Terms terms)
    {
        private readonly TermsEnum termsEnum = terms.GetEnumerator();
        private readonly Dictionary<string, TermPostings?> byTerm = new(StringComparer.Ordinal);

        public IReadOnlyList<(int Position, int Start, int End)> Occurrences(string term, int doc)
        {
            if (!byTerm.TryGetValue(term, out var postings))
            {
                byTerm[term] = postings = termsEnum.SeekExact(new BytesRef(term))
                    && termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS) is { } found
                        ? new TermPostings(found)
                        : null;
            }

            return postings?.At(doc) ?? [];
        }
    }

    private sealed class TermPostings(DocsAndPositionsEnum postings)
    {
        private readonly List<(int Position, int Start, int End)> occurrences = [];
        private int doc = -1;

        public IReadOnlyList<(int Position, int Start, int End)> At(int target)
        {
            if (target == doc)
            {
                return occurrences;
            }

            occurrences.Clear();
            doc = target;
            var at = postings.DocID < target ? postings.Advance(target) : postings.DocID;
            if (at != target)
            {
                return occurrences;
            }

            for (var i = 0; i < postings.Freq; i++)
            {
                var position = postings.NextPosition();
                occurrences.Add((position, postings.StartOffset, postings.EndOffset));
            }

            return occurrences;
        }
    }
}
