using FlinkSearch.Catalog;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Crawling;

/// <summary>
/// Housekeeping after a crawl: a record whose URL is in no source list any more is marked, and deleted once it has
/// stayed unlisted for <c>Crawler:ForgetRemovedAfter</c>; listing the URL again before then clears the mark.
/// </summary>
public sealed class UnlistedRecords(CrawlStore store, IOptions<CrawlerOptions> options, TimeProvider time)
{
    /// <summary>Marks, unmarks and deletes; returns how many records were deleted. Does nothing over an incomplete catalog.</summary>
    public async Task<int> SweepAsync(SourceCatalog catalog, CancellationToken cancellationToken)
    {
        // An unreadable or emptied list looks like every article removed at once; that is no reason to forget them.
        if (!catalog.IsComplete)
        {
            return 0;
        }

        var listed = catalog.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var forgotten = 0;
        foreach (var record in store.ReadAll().Values)
        {
            if (listed.Contains(record.Id))
            {
                if (record.UnlistedSince is not null)
                {
                    await store.WriteAsync(record with { UnlistedSince = null }, cancellationToken);
                }
            }
            else if (record.UnlistedSince is not { } since)
            {
                await store.WriteAsync(record with { UnlistedSince = now }, cancellationToken);
            }
            else if (now - since >= options.Value.ForgetRemovedAfter)
            {
                store.Delete(record.Id);
                forgotten++;
            }
        }

        return forgotten;
    }
}
