using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// Looks a search's terms up in the terms dictionary once each, through the thread's terms enums
/// (<see cref="ThreadTermsEnums"/>), and hands the result to the queries (a TermQuery given its TermContext does not look
/// it up again). Lucene.Net otherwise makes a new terms enum, frames and buffers included, for every lookup: a query's
/// frequency checks and then its weights looked each term up two or three times.
/// </summary>
public sealed class TermLookup(IndexReader reader)
{
    private readonly Dictionary<Term, TermContext> contexts = [];

    public IndexReader Reader => reader;

    /// <summary>How many documents hold the term.</summary>
    public int DocFreq(Term term) => Context(term).DocFreq;

    /// <summary>A term query that will not look its term up again.</summary>
    public TermQuery Query(Term term) => new(term, Context(term));

    public TermContext Context(Term term)
    {
        if (contexts.TryGetValue(term, out var known))
        {
            return known;
        }

        var context = new TermContext(reader.Context);
        var leaves = reader.Leaves;
        for (var i = 0; i < leaves.Count; i++)
        {
            if (ThreadTermsEnums.Of(reader, leaves[i], term.Field) is { } termsEnum && termsEnum.SeekExact(term.Bytes))
            {
                context.Register(termsEnum.GetTermState(), leaves[i].Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
            }
        }

        contexts[term] = context;
        return context;
    }
}
