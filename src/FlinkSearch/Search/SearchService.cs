using FlinkSearch.Indexing;
using FlinkSearch.Takedowns;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Search;

/// <summary>
/// Runs a validated search against the serving generation; all hits of one response come from one searcher. The text
/// is analysed once; the candidate query finds and counts every match in one pass; the ranking query rescores only the
/// best <see cref="RankingWeights.RescoreDepth"/>; only the page's hits are read and marked.
/// </summary>
public sealed class SearchService(
    ServingIndex index, QueryPlanner planner, QueryBuilder builder, SpellingCorrector spelling, HiddenArticles hidden,
    IOptions<RankingWeights> weights, TimeProvider time)
{
    public SearchResponse Search(SearchRequest request)
    {
        var started = time.GetTimestamp();
        if (!index.TryAcquire(out var lease))
        {
            throw new IndexNotReadyException();
        }

        using (lease)
        {
            var searcher = lease.Searcher;
            var hiddenDocs = hidden.Of(searcher.IndexReader, lease.Metadata.Generation);
            var plan = planner.Plan(request.Query);
            var found = Find(searcher, plan, request, hiddenDocs, lease.Metadata);
            string? correctedFrom = null, didYouMean = null;
            // A query that finds little, or holds a Chinese term whose characters occur together nowhere, is answered
            // with its spelling correction when that finds more; asked for as typed, the correction is only offered.
            var few = found.Total < weights.Value.FewHits;
            if (!plan.IsSyntax && spelling.Correct(searcher.IndexReader, request.Query, latin: few) is { } correction && (few || correction.HanTypo))
            {
                // Found within the same section, accounts and dates as the typed text.
                var better = Find(searcher, planner.Plan(correction.Text), request, hiddenDocs, lease.Metadata);
                if (request.Correct && (better.Total > found.Total || (correction.HanTypo && better.Total > 0)))
                {
                    (found, correctedFrom) = (better, request.Query);
                }
                else if (!request.Correct && better.Total > found.Total)
                {
                    didYouMean = correction.Text;
                }
            }

            if (!plan.IsSyntax && request.Sort == SearchSort.Relevance)
            {
                ExactTitles.Promote(searcher.IndexReader, found.Ranked, found.Text);
            }

            var page = found.Ranked.Skip((request.Page - 1) * request.Size).Take(request.Size).ToList();
            var spans = MarkedSpans.Read(searcher.IndexReader, [.. page.Select(hit => hit.Doc)], found.Marks);
            var hits = page.Select(hit => ToHit(searcher, hit, spans[hit.Doc])).OfType<SearchHit>().ToList();
            return new SearchResponse(correctedFrom is null ? request.Query : found.Text, found.Total, request.Page, request.Size,
                Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2), hits, found.Sections, found.Accounts, didYouMean, correctedFrom,
                lease.Metadata.Generation);
        }
    }

    // What one text finds: every match counted, the best ranked, and what to mark in them.
    private Found Find(IndexSearcher searcher, QueryPlan plan, SearchRequest request, HiddenDocs hiddenDocs, IndexMetadata metadata)
    {
        var queries = builder.Build(plan, searcher.IndexReader, metadata.SynonymsVersion);
        var (total, ranked, sections, accounts) = Collect(searcher, queries.Candidates, queries.Ranking, request, hiddenDocs);
        var byRelevance = request.Sort == SearchSort.Relevance;
        if (total < (byRelevance ? weights.Value.RelaxBelow : 1) && queries.Relaxed is { } relaxed)
        {
            // Few pages have (most of) the words: they stay first, and the pages with some of them follow, as a page
            // may say the rest in other words. Newest first, only a search that found nothing is widened.
            var strict = ranked;
            (total, ranked, sections, accounts) = Collect(searcher, relaxed, queries.Ranking, request, hiddenDocs);
            ranked = byRelevance ? StrictFirst(strict, ranked) : ranked;
        }

        return new Found(plan.Text, total, ranked, sections, accounts, queries.Marks);
    }

    private static ScoreDoc[] StrictFirst(ScoreDoc[] strict, ScoreDoc[] relaxed)
    {
        if (strict.Length == 0)
        {
            return relaxed;
        }

        var shown = new HashSet<int>(strict.Select(hit => hit.Doc));
        return [.. strict, .. relaxed.Where(hit => !shown.Contains(hit.Doc))];
    }

    private sealed record Found(
        string Text, int Total, ScoreDoc[] Ranked, IReadOnlyList<SectionCount> Sections, IReadOnlyList<AccountCount> Accounts, MarkPlan Marks);

    private (int Total, ScoreDoc[] Ranked, IReadOnlyList<SectionCount> Sections, IReadOnlyList<AccountCount> Accounts) Collect(
        IndexSearcher searcher, Query candidates, Query? ranking, SearchRequest request, HiddenDocs hiddenDocs)
    {
        var depth = weights.Value.RescoreDepth;
        var collector = new CandidateCollector(
            Math.Max(request.Page * request.Size, depth), request.Section, hiddenDocs, request.Accounts, SearchOrder.Of(request.Sort));
        searcher.Search(candidates, SearchOrder.DateFilter(request.From, request.To), collector);
        var found = collector.Top();
        var ranked = found.ScoreDocs;
        if (ranking is not null && ranked.Length > 0)
        {
            // The ranking reorders the best candidates; the rest keep candidate order below them (their scores are lower).
            var head = Math.Min(ranked.Length, depth);
            var rescored = new RankingRescorer(ranking).Rescore(searcher, new TopDocs(found.TotalHits, ranked[..head], found.MaxScore), head);
            var reordered = request.Sort == SearchSort.Newest ? SearchOrder.ReorderNewest(rescored.ScoreDocs, ranked[..head]) : rescored.ScoreDocs;
            ranked = [.. reordered, .. ranked[head..]];
        }

        return (collector.TotalHits, ranked, collector.Counts, collector.AccountCounts);
    }

    private static SearchHit? ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, HitSpans spans)
    {
        if (StoredArticles.Read(searcher.IndexReader, scoreDoc.Doc) is not { } article)
        {
            return null;
        }

        return SearchHit.Of(article, MarkedText.Whole(article.Title, spans.Title), Snippet(searcher, scoreDoc.Doc, article, spans), scoreDoc.Score);
    }

    // The best passage of the body, else the note marked, else the opening of the body or the note.
    private static string Snippet(IndexSearcher searcher, int doc, StoredArticle article, HitSpans spans)
    {
        var body = StoredArticles.Body(searcher.IndexReader, doc);
        if (!body.IsEmpty && MarkedText.Snippet(body, spans.Body) is { } passage)
        {
            return passage;
        }

        if (!string.IsNullOrEmpty(article.Note) && spans.Note.Count > 0)
        {
            return MarkedText.Whole(article.Note, spans.Note);
        }

        return MarkedText.Opening(body.IsEmpty ? article.Note : body);
    }
}

public sealed class IndexNotReadyException() : Exception("The index is not open yet.");
