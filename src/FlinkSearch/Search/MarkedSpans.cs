using FlinkSearch.Indexing;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
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
/// analysed again: per field and segment, each term's postings walk forward once over the page's documents in order,
/// through one postings enum reused from term to term, and the occurrences found are then matched to the patterns.
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
        var occurrences = new Occurrences();
        foreach (var field in plan.Patterns.Select(pattern => pattern.Field).Distinct())
        {
            var patterns = plan.In(field).ToList();
            foreach (var leaf in reader.Leaves)
            {
                var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
                var from = Array.FindIndex(sorted, doc => doc >= leaf.DocBase);
                if (from < 0 || sorted[from] >= end || ThreadTermsEnums.Of(reader, leaf, field) is not { } terms)
                {
                    continue;
                }

                var to = Array.FindIndex(sorted, from, doc => doc >= end) is var past and >= 0 ? past : sorted.Length;
                occurrences.Read(terms, patterns, sorted.AsSpan(from..to), leaf.DocBase);
                for (var i = from; i < to; i++)
                {
                    var spans = result[sorted[i]].Of(field);
                    foreach (var pattern in patterns)
                    {
                        AddMatches(occurrences, sorted[i], pattern, spans);
                    }
                }
            }
        }

        return result;
    }

    private static void AddMatches(Occurrences occurrences, int doc, MarkPattern pattern, List<MarkSpan> spans)
    {
        foreach (var (position, start, end) in occurrences.Of(pattern.Terms[0], doc))
        {
            var last = end;
            var whole = true;
            for (var t = 1; t < pattern.Terms.Count && whole; t++)
            {
                whole = false;
                foreach (var next in occurrences.Of(pattern.Terms[t], doc))
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

    /// <summary>The occurrences of one field's terms in the page's documents of one segment, in one list.</summary>
    private sealed class Occurrences
    {
        private readonly List<(int Position, int Start, int End)> all = [];
        private readonly Dictionary<(string Term, int Doc), (int From, int Count)> ranges = [];
        private DocsAndPositionsEnum? postings;

        public void Read(TermsEnum terms, List<MarkPattern> patterns, ReadOnlySpan<int> docs, int docBase)
        {
            all.Clear();
            ranges.Clear();
            postings = null;
            foreach (var term in patterns.SelectMany(pattern => pattern.Terms).Distinct(StringComparer.Ordinal))
            {
                if (!terms.SeekExact(new BytesRef(term))
                    || terms.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS) is not { } found)
                {
                    continue;
                }

                postings = found;
                foreach (var doc in docs)
                {
                    var target = doc - docBase;
                    var at = postings.DocID < target ? postings.Advance(target) : postings.DocID;
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }

                    if (at != target)
                    {
                        continue;
                    }

                    var from = all.Count;
                    for (var i = 0; i < postings.Freq; i++)
                    {
                        var position = postings.NextPosition();
                        all.Add((position, postings.StartOffset, postings.EndOffset));
                    }

                    ranges[(term, doc)] = (from, all.Count - from);
                }
            }
        }

        public ReadOnlySpan<(int Position, int Start, int End)> Of(string term, int doc) =>
            ranges.TryGetValue((term, doc), out var range)
                ? CollectionsMarshal.AsSpan(all).Slice(range.From, range.Count)
                : [];
    }
}
