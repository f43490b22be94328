using FlinkSearch.Takedowns;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// One pass over every match of the candidate query: counts the matches per section and per account, and keeps the best
/// <paramref name="depth"/> of those in the <paramref name="section"/> and of the <paramref name="accounts"/> asked for,
/// if any. Each facet is counted over the matches of the other filters but not its own, so a client can switch filters.
/// The best are by candidate score, or in <paramref name="order"/> when given (see <see cref="SearchOrder"/>).
/// Taken-down articles (<paramref name="hidden"/>) are skipped as if they did not match.
/// </summary>
public sealed class CandidateCollector(
    int depth, string? section, HiddenDocs? hidden = null, IReadOnlyCollection<string>? accounts = null, Sort? order = null) : ICollector
{
    private readonly ITopDocsCollector top = order is null
        ? TopScoreDocCollector.Create(depth, docsScoredInOrder: true)
        : TopFieldCollector.Create(order, depth, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);

    private readonly FacetTally sections = new();
    private readonly FacetTally accountTally = new();
    private int wantedSection = -1;
    private bool[] wantedAccounts = [];
    private int docBase;

    // In order: for a pure disjunction Lucene.Net would otherwise pick its out-of-order BooleanScorer, whose bucket table
    // is 2,048 objects made afresh for every search (~100 KB, a sixth of what a search allocated at 10k).
    public bool AcceptsDocsOutOfOrder => false;

    /// <summary>Matches in the section and of the accounts asked for (all matches without either).</summary>
    public int TotalHits => top.TotalHits;

    private ICollector Sink => (ICollector)top;

    public TopDocs Top() => top.GetTopDocs();

    public IReadOnlyList<SectionCount> Counts => [.. sections.Totals().Select(c => new SectionCount(c.Key, c.Value))];

    public IReadOnlyList<AccountCount> AccountCounts => [.. accountTally.Totals().Select(c => new AccountCount(c.Key, c.Value))];

    public void SetScorer(Scorer scorer) => Sink.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        sections.NextSegment(FacetOrdinals.Sections(context.AtomicReader));
        accountTally.NextSegment(FacetOrdinals.Accounts(context.AtomicReader));
        wantedSection = section is null ? -1 : sections.Segment.OrdinalOf(section);
        if (accounts is { Count: > 0 })
        {
            wantedAccounts = new bool[accountTally.Segment.Names];
            foreach (var ordinal in accounts.Select(accountTally.Segment.OrdinalOf).Where(ordinal => ordinal >= 0))
            {
                wantedAccounts[ordinal] = true;
            }
        }

        docBase = context.DocBase;
        Sink.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (hidden is not null && hidden.Contains(docBase + doc))
        {
            return;
        }

        var inSection = section is null || (wantedSection >= 0 && sections.Segment.Contains(doc, wantedSection));
        var ofAccount = accounts is not { Count: > 0 } || accountTally.Segment.ContainsAny(doc, wantedAccounts);
        if (ofAccount)
        {
            sections.Add(doc);
        }

        if (inSection)
        {
            accountTally.Add(doc);
        }

        if (inSection && ofAccount)
        {
            Sink.Collect(doc);
        }
    }
}
