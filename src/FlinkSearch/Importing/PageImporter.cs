using FlinkSearch.Crawling;

namespace FlinkSearch.Importing;

/// <summary>
/// Saved article pages into the crawl store, for when the crawler cannot fetch them (WeChat's verification page): the
/// <c>import</c> verb and <c>POST /admin/import</c>. An import holds the crawl lock, so a crawl cannot overwrite it.
/// </summary>
public sealed class PageImporter(SourceTypes sourceTypes, CrawlStore store, TimeProvider time)
{
    /// <summary>Takes the crawl lock and reads the catalog; throws <see cref="ImportBusyException"/> while a crawl runs.</summary>
    public async Task<ImportSession> BeginAsync(CancellationToken cancellationToken)
    {
        IDisposable crawlLock;
        try
        {
            crawlLock = store.AcquireCrawlLock();
        }
        catch (CrawlBusyException)
        {
            throw new ImportBusyException();
        }

        try
        {
            var catalog = await sourceTypes.LoadAsync(cancellationToken);
            return new ImportSession(crawlLock, new ImportMatcher(catalog, store.ReadAll().Values), sourceTypes, store, time);
        }
        catch
        {
            crawlLock.Dispose();
            throw;
        }
    }
}

/// <summary>A crawl (or another import) holds the crawl store.</summary>
public sealed class ImportBusyException() : Exception("A crawl or another import is running on this data directory; import again when it has finished.");
