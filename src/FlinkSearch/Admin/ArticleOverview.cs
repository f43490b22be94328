using FlinkSearch.Catalog;
using FlinkSearch.Crawling;
using FlinkSearch.Takedowns;

namespace FlinkSearch.Admin;

/// <summary>Every listed article joined with its crawl record and takedown, for the console and <c>GET /admin/articles</c>.</summary>
public sealed class ArticleOverview(SourceCatalogLoader catalog, CrawlStore store, GoneArticles gone, TakedownList takedowns, TimeProvider time)
{
    /// <summary>The articles in list order, narrowed to a state and/or a failure reason when given.</summary>
    public async Task<IReadOnlyList<ArticleState>> ListAsync(string? state, string? reason, CancellationToken cancellationToken)
    {
        var entries = (await catalog.LoadAsync(cancellationToken)).Entries;
        var records = store.ReadAll();
        var hidden = takedowns.Current;
        return [.. entries
            .Select(entry => StateOf(entry, records.GetValueOrDefault(entry.Id), hidden))
            .Where(article => (state is null || article.State == state) && (reason is null || article.Reason == reason))];
    }

    public async Task<ArticleDetail?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var entry = (await catalog.LoadAsync(cancellationToken)).Entries.FirstOrDefault(e => e.Id == id);
        if (entry is null)
        {
            return null;
        }

        var record = store.TryRead(id);
        var copy = record?.Article;
        var since = record?.LastSuccessAt ?? DateTimeOffset.MinValue;
        return new ArticleDetail(
            StateOf(entry, record, takedowns.Current),
            copy?.Title,
            copy?.Author,
            copy?.Account,
            copy?.PublishedAt,
            copy?.Text.Length ?? 0,
            record?.FinalUrl,
            record?.HttpStatus,
            [.. (record?.Failures ?? []).Where(f => f.At > since).Reverse().Select(f => new ArticleFailure(f.At, f.Reason, f.HttpStatus, f.Detail))]);
    }

    private ArticleState StateOf(CatalogEntry entry, CrawlRecord? record, TakedownList.Snapshot hidden)
    {
        var state = record switch
        {
            null => ArticleStates.Never,
            { Article: null } => ArticleStates.Failed,
            { Source: CopySources.Import } => ArticleStates.Imported,
            { LastError: not null } => ArticleStates.Stale,
            _ => ArticleStates.Ok,
        };
        var takedown = hidden.Contains(entry.Id) ? hidden.Takedowns.First(t => t.Id == entry.Id) : null;
        return new ArticleState(
            entry.Id,
            entry.Url,
            entry.Title,
            entry.Sections,
            state,
            state is ArticleStates.Failed or ArticleStates.Stale or ArticleStates.Imported ? record!.LastError?.Reason : null,
            record?.LastSuccessAt,
            record?.FetchedAt is { } fetched ? time.GetUtcNow() - fetched : null,
            record is not null && gone.Contains(record),
            takedown is not null,
            takedown?.Reason);
    }
}
