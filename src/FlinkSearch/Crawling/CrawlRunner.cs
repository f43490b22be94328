using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using FlinkSearch.Catalog;
using FlinkSearch.Extraction;
using FlinkSearch.Kernel;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Crawling;

/// <summary>
/// One crawl of every source URL into the crawl store: the <c>crawl</c> verb, and the first half of a reindex.
/// Pages that fail keep their last good copy; pages the server confirms unchanged are not rewritten.
/// </summary>
public sealed partial class CrawlRunner(
    SourceCatalogLoader catalogLoader,
    SourceTypes sourceTypes,
    CrawlStore store,
    PageFetcher fetcher,
    UnlistedRecords unlisted,
    IOptions<CrawlerOptions> options,
    TimeProvider time,
    FlinkSearchMetrics metrics,
    ILogger<CrawlRunner> logger)
{
    /// <summary>Reads the source lists (once), lets the source types refresh (feeds), then crawls every article they list.</summary>
    public async Task<CrawlSummary> RunAsync(IProgress<CrawlProgress>? progress, CancellationToken ct)
    {
        using var crawlLock = store.AcquireCrawlLock();
        store.DeleteLeftovers();
        var read = await catalogLoader.LoadAsync(ct);
        var settings = options.Value;
        var started = time.GetTimestamp();
        var robots = new RobotsCache(fetcher, settings.UserAgent, ct);
        var throttle = new HostThrottle(settings.MaxConcurrencyPerHost, settings.PerHostDelay, time);
        var policy = sourceTypes.PolicyFor(robots);

        var refreshed = await sourceTypes.RefreshAsync(read, new SourceFetch(fetcher, policy, throttle, time), ct);
        var catalog = sourceTypes.Expand(read);
        var results = new ConcurrentBag<PageCrawlResult>();
        var completed = 0;
        var total = refreshed.Count + catalog.Entries.Count;
        foreach (var result in refreshed)
        {
            Record(result);
        }

        await Parallel.ForEachAsync(catalog.Entries, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = ct }, async (entry, token) =>
            Record(await CrawlAsync(entry, policy, throttle, token)));

        var forgotten = await unlisted.SweepAsync(catalog, ct);
        var summary = CrawlSummary.From(results, time.GetElapsedTime(started)) with { Forgotten = forgotten, Catalog = catalog };
        LogCrawled(summary.Total, summary.Elapsed, summary.Fetched, summary.Unchanged, summary.Failed, forgotten);
        return summary;

        void Record(PageCrawlResult result)
        {
            results.Add(result);
            metrics.RecordCrawl(result.Outcome.ToString().ToLowerInvariant(), result.Reason);
            progress?.Report(new CrawlProgress(Interlocked.Increment(ref completed), total, result));
        }
    }

    private async Task<PageCrawlResult> CrawlAsync(CatalogEntry entry, PageFetcher.HopPolicy policy, HostThrottle throttle, CancellationToken ct)
    {
        var existing = store.TryRead(entry.Id);
        var url = new Uri(entry.Url);
        FetchResult fetched;
        await using (await throttle.EnterAsync(url.IdnHost, ct))
        {
            fetched = await fetcher.FetchPageAsync(url, existing?.Validators, policy, ct);
        }

        var now = time.GetUtcNow();
        if (fetched.Outcome == FetchOutcome.NotModified && existing?.Article is not null)
        {
            return await ConfirmAsync(existing, now, ct);
        }

        var own = sourceTypes.OwnCopy(entry);
        if (fetched is { Outcome: FetchOutcome.Content, Text: { } html })
        {
            var extraction = sourceTypes.Extract(fetched.FinalUrl, html);
            if (extraction.Article is { } page)
            {
                // What the page does not say, the source type may know (a feed item's author and date).
                var article = own is { Article: var known } ? page with { Author = page.Author ?? known.Author, PublishedAt = page.PublishedAt ?? known.PublishedAt } : page;
                var record = (existing ?? NewRecord(entry)) with { Aliases = RecordAliases.With(existing?.Aliases, entry, extraction.DeclaredUrls) };
                var hash = ContentHash(article);
                if (existing?.Article is not null && existing.ContentHash == hash)
                {
                    return await ConfirmAsync(record, now, ct, aliasesChanged: !record.Aliases.SequenceEqual(existing.Aliases));
                }

                await store.WriteAsync(record with
                {
                    FinalUrl = fetched.FinalUrl.AbsoluteUri,
                    HttpStatus = fetched.StatusCode,
                    ETag = fetched.Validators?.ETag,
                    LastModified = fetched.Validators?.LastModified,
                    FetchedAt = now,
                    VerifiedAt = now,
                    ContentHash = hash,
                    Article = article,
                    Source = CopySources.Crawl,
                    Import = null,
                    LastError = null,
                }, ct);
                return new PageCrawlResult(entry.Id, entry.Url, PageOutcome.Fetched);
            }

            fetched = FetchResult.Failed(fetched.FinalUrl, extraction.FailureReason!, extraction.Detail!, fetched.StatusCode);
        }

        var reason = fetched.FailureReason ?? FailureReasons.Http(fetched.StatusCode ?? 0);
        var detail = fetched.Detail ?? "unexpected answer";
        var failure = new CrawlFailure(now, reason, fetched.StatusCode, detail);
        LogPageFailed(entry.Url, reason, detail);

        // The source type's own copy stands in for a page that cannot be had, unless a page or an import gave a better one.
        if (own is { } fallback && (existing?.Article is null || existing.Source == fallback.Source))
        {
            return await KeepOwnCopyAsync(existing ?? NewRecord(entry), fallback.Source, fallback.Article, failure, ct);
        }

        await store.WriteAsync((existing ?? NewRecord(entry)).WithFailure(failure), ct);
        return new PageCrawlResult(entry.Id, entry.Url, PageOutcome.Failed, reason, detail);
    }

    /// <summary>Stores a source type's own copy as the good copy; the page's failure stays in the history, not as the last error.</summary>
    private async Task<PageCrawlResult> KeepOwnCopyAsync(CrawlRecord record, string source, ExtractedArticle article, CrawlFailure failure, CancellationToken ct)
    {
        var hash = ContentHash(article);
        var unchanged = record.Article is not null && record.ContentHash == hash;
        await store.WriteAsync(record.WithFailure(failure) with
        {
            FetchedAt = unchanged ? record.FetchedAt : failure.At,
            VerifiedAt = failure.At,
            ContentHash = hash,
            Article = article,
            Source = source,
            LastError = null,
        }, ct);
        return new PageCrawlResult(record.Id, record.Url, unchanged ? PageOutcome.Unchanged : PageOutcome.Fetched);
    }

    /// <summary>The good copy is current. Only a record carrying an old failure (or newly seen aliases) is written.</summary>
    private async Task<PageCrawlResult> ConfirmAsync(CrawlRecord existing, DateTimeOffset now, CancellationToken ct, bool aliasesChanged = false)
    {
        if (existing.LastError is not null || aliasesChanged)
        {
            await store.WriteAsync(existing with { LastError = null, VerifiedAt = now }, ct);
        }

        return new PageCrawlResult(existing.Id, existing.Url, PageOutcome.Unchanged);
    }

    private static CrawlRecord NewRecord(CatalogEntry entry) => new() { Id = entry.Id, Url = entry.Url };

    /// <summary>The hash that decides whether a copy changed; the crawl and the import compare copies by it.</summary>
    public static string ContentHash(ExtractedArticle article) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(article)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawled {Total} URLs in {Elapsed}: {Fetched} fetched, {Unchanged} unchanged, {Failed} failed; {Forgotten} unlisted records forgotten")]
    private partial void LogCrawled(int total, TimeSpan elapsed, int fetched, int unchanged, int failed, int forgotten);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Url}: {Reason} ({Detail})")]
    private partial void LogPageFailed(string url, string reason, string detail);
}
