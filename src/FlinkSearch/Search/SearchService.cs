using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>Runs a validated search against the serving generation; all hits of one response come from one searcher.</summary>
public sealed class SearchService(
    ServingIndex index, QueryBuilder queries, SnippetHighlighter highlighter, SpellingCorrector spelling, QueryStatistics statistics, TimeProvider time)
{
    private const int FewHits = 3;

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
            var query = queries.Build(request.Query, searcher.IndexReader);
            var boost = queries.BodyProximity(request.Query);
            var (total, page, sections) = Collect(searcher, query, boost, request);
            if (total == 0 && !queries.IsSyntax(request.Query))
            {
                // Nothing has all the words: rather show what has some of them.
                query = queries.Build(request.Query, searcher.IndexReader, relaxed: true);
                (total, page, sections) = Collect(searcher, query, boost, request);
            }

            var hits = page.Select(scoreDoc => ToHit(searcher, scoreDoc, query)).ToList();
            var didYouMean = DidYouMean(searcher, request.Query, total);
            statistics.Record(request.Query, total);
            return new SearchResponse(request.Query, total, request.Page, request.Size,
                Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2), hits, sections, didYouMean, lease.Metadata.Generation);
        }
    }

    // Only when the query finds little, and only when the corrected text finds more.
    private string? DidYouMean(IndexSearcher searcher, string text, int total)
    {
        if (total >= FewHits || spelling.Correct(searcher.IndexReader, text) is not { } corrected)
        {
            return null;
        }

        var collector = new TotalHitCountCollector();
        searcher.Search(queries.Build(corrected, searcher.IndexReader), collector);
        return collector.TotalHits > total ? corrected : null;
    }

    private static (int Total, ScoreDoc[] Page, IReadOnlyList<SectionCount> Sections) Collect(
        IndexSearcher searcher, Query query, Query? boost, SearchRequest request)
    {
        var wanted = request.Page * request.Size;
        var counter = new SectionCountingCollector();
        var top = TopScoreDocCollector.Create(Math.Max(wanted, boost is null ? 0 : ProximityRescorer.Candidates), docsScoredInOrder: false);
        if (request.Section is null)
        {
            searcher.Search(query, MultiCollector.Wrap(counter, top));
        }
        else
        {
            // Section counts describe the whole result set, so the filter applies only to the hits.
            searcher.Search(query, counter);
            var filter = new QueryWrapperFilter(new TermQuery(new Term(IndexFields.Section, request.Section)));
            searcher.Search(new FilteredQuery(query, filter), top);
        }

        var ranked = top.GetTopDocs().ScoreDocs;
        if (boost is not null)
        {
            var head = Math.Min(ranked.Length, ProximityRescorer.Candidates);
            ranked = [.. ProximityRescorer.Rescore(searcher, ranked[..head], boost), .. ranked[head..]];
        }

        return (top.TotalHits, [.. ranked.Skip((request.Page - 1) * request.Size).Take(request.Size)], counter.Counts);
    }

    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, Query query)
    {
        var doc = searcher.Doc(scoreDoc.Doc);
        var sections = doc.GetValues(IndexFields.Section);
        var title = doc.Get(IndexFields.Title) ?? "";
        return new SearchHit(
            doc.Get(IndexFields.Id),
            doc.Get(IndexFields.Url),
            highlighter.Title(query, title),
            sections.FirstOrDefault() ?? "",
            sections,
            highlighter.Snippet(searcher.IndexReader, scoreDoc.Doc, query, doc.Get(IndexFields.Body), doc.Get(IndexFields.Note)),
            doc.Get(IndexFields.Author),
            doc.Get(IndexFields.Account),
            ArticleDocumentMapper.ReadDate(doc, IndexFields.PublishedAt)?.UtcDateTime,
            ArticleDocumentMapper.ReadDate(doc, IndexFields.CrawledAt)?.UtcDateTime,
            doc.Get(IndexFields.Status) ?? ArticleStatus.Uncrawled,
            MathF.Round(scoreDoc.Score, 3));
    }
}

public sealed class IndexNotReadyException() : Exception("The index is not open yet.");
