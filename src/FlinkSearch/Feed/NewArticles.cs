using FlinkSearch.Indexing;
using FlinkSearch.Takedowns;
using Lucene.Net.Index;

namespace FlinkSearch.Feed;

/// <summary>One article of the feed: what a hit shows, the date it is ordered by, and a plain-text summary.</summary>
public sealed record FeedEntry(StoredArticle Article, DateTimeOffset Date, string? Summary);

/// <summary>The newest articles of the served generation, hidden ones left out.</summary>
public sealed record NewArticlesSnapshot(IReadOnlyList<FeedEntry> Entries, string Generation, DateTimeOffset BuiltAt);

/// <summary>
/// What is new: the <see cref="Count"/> most recently published articles of the served index, an article without a
/// publish date by when its copy was crawled. Articles with neither (listed, never crawled) have no date to be new by
/// and are left out.
/// </summary>
public sealed class NewArticles(ServingIndex index, HiddenArticles hidden)
{
    public const int Count = 50;

    /// <summary>Null while no index is open.</summary>
    public NewArticlesSnapshot? Latest()
    {
        if (!index.TryAcquire(out var lease))
        {
            return null;
        }

        using (lease)
        {
            var reader = lease.Searcher.IndexReader;
            var hiddenDocs = hidden.Of(reader, lease.Metadata.Generation);
            var dated = new List<(int Doc, StoredArticle Article, DateTimeOffset Date)>();
            foreach (var leaf in reader.Leaves)
            {
                var live = leaf.AtomicReader.LiveDocs;
                for (var local = 0; local < leaf.AtomicReader.MaxDoc; local++)
                {
                    var doc = leaf.DocBase + local;
                    if ((live is null || live.Get(local)) && !hiddenDocs.Contains(doc)
                        && StoredArticles.Read(reader, doc) is { } article && (article.PublishedAt ?? article.CrawledAt) is { } date)
                    {
                        dated.Add((doc, article, date));
                    }
                }
            }

            var entries = dated
                .OrderByDescending(item => item.Date)
                .ThenBy(item => item.Article.Id, StringComparer.Ordinal)
                .Take(Count)
                .Select(item => new FeedEntry(item.Article, item.Date, FeedSummary.Of(StoredArticles.Body(reader, item.Doc), item.Article.Note)))
                .ToList();
            return new NewArticlesSnapshot(entries, lease.Metadata.Generation, lease.Metadata.BuiltAt);
        }
    }
}
