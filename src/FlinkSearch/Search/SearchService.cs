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
            var plan = planner.Plan(request.Query);
            var queries = builder.Build(plan, searcher.IndexReader, lease.Metadata.SynonymsVersion);
            var hiddenDocs = hidden.Of(searcher.IndexReader, lease.Metadata.Generation);
            var (total, ranked, sections, accounts) = Collect(searcher, queries.Candidates, queries.Ranking, request, hiddenDocs);
            if (total == 0 && queries.Relaxed is { } relaxed)
            {
                // Nothing has all the words: rather show what has some of them.
                (total, ranked, sections, accounts) = Collect(searcher, relaxed, queries.Ranking, request, hiddenDocs);
            }

            var page = ranked.Skip((request.Page - 1) * request.Size).Take(request.Size).ToList();
            var spans = MarkedSpans.Read(searcher.IndexReader, [.. page.Select(hit => hit.Doc)], queries.Marks);
            var hits = page.Select(hit => ToHit(searcher, hit, spans[hit.Doc])).OfType<SearchHit>().ToList();
            var didYouMean = total < weights.Value.FewHits && !plan.IsSyntax ? DidYouMean(searcher, request.Query, total, lease.Metadata) : null;
            return new SearchResponse(request.Query, total, request.Page, request.Size,
                Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2), hits, sections, accounts, didYouMean, lease.Metadata.Generation);
        }
    }

    // Only when the query finds little, and only when the corrected text finds more.
    private string? DidYouMean(IndexSearcher searcher, string text, int total, IndexMetadata metadata)
    {
        if (spelling.Correct(searcher.IndexReader, text) is not { } corrected)
        {
            return null;
        }

        var collector = new TotalHitCountCollector();
        searcher.Search(builder.Build(planner.Plan(corrected), searcher.IndexReader, metadata.SynonymsVersion).Candidates, collector);
        return collector.TotalHits > total ? corrected : null;
    }

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

        return new SearchHit(
            article.Id,
            article.Url,
            MarkedText.Whole(article.Title, spans.Title),
            article.Sections.FirstOrDefault() ?? "",
            article.Sections,
            Snippet(searcher, scoreDoc.Doc, article, spans),
            article.Author,
            article.Account,
            article.PublishedAt?.UtcDateTime,
            article.CrawledAt?.UtcDateTime,
            article.Status,
            MathF.Round(scoreDoc.Score, 3));
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
