using FlinkSearch.Catalog;
using FlinkSearch.Crawling;

namespace FlinkSearch.Indexing;

/// <summary>
/// Reads what the index is built from: the articles of every source type, joined with the crawl store's good copies
/// (crawled, imported or from a feed alike). An article the crawler counts as gone (<see cref="GoneArticles"/>) is left
/// out; its record stays.
/// </summary>
public sealed class ArticleSource(SourceTypes sourceTypes, CrawlStore crawlStore, GoneArticles gone)
{
    /// <summary>The articles of <paramref name="catalog"/> (a reindex passes what its crawl read), or of the lists as read now.</summary>
    public async Task<IReadOnlyList<IndexableArticle>> LoadAsync(CancellationToken cancellationToken, SourceCatalog? catalog = null)
    {
        catalog ??= await sourceTypes.LoadAsync(cancellationToken);
        var records = crawlStore.ReadAll();
        return catalog.Entries
            .Select(entry => (Entry: entry, Record: records.GetValueOrDefault(entry.Id)))
            .Where(x => x.Record is null || !gone.Contains(x.Record))
            .Select(x => ToArticle(x.Entry, x.Record))
            .ToList();
    }

    private static IndexableArticle ToArticle(CatalogEntry entry, CrawlRecord? record)
    {
        var article = new IndexableArticle(entry.Id, entry.Url, entry.Title, entry.Sections, entry.Note, entry.ListId, entry.Position, ArticleStatus.Uncrawled);
        if (record?.Article is not { } copy)
        {
            return article;
        }

        // The catalog's title is the curated one; the crawled copy adds the body and who wrote it when.
        return article with
        {
            Status = record.LastError is null ? ArticleStatus.Ok : ArticleStatus.Stale,
            Body = copy.Text,
            Author = copy.Author,
            Account = copy.Account,
            PublishedAt = copy.PublishedAt,
            CrawledAt = record.FetchedAt,
        };
    }
}
