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
    CrawlStore store,
    PageFetcher fetcher,
    UnlistedRecords unlisted,
    IOptions<CrawlerOptions> options,
    TimeProvider time,
    FlinkSearchMetrics metrics,
    ILogger<CrawlRunner> logger)
{
    /// <summary>Crawls the articles of <paramref name="catalog"/>, or of the source lists as read now.</summary>
    public async Task<CrawlSummary> RunAsync(IProgress<CrawlProgress>? progress, CancellationToken ct, SourceCatalog? catalog = null)
    {
        using var crawlLock = store.AcquireCrawlLock();
        store.DeleteLeftovers();
        catalog ??= await catalogLoader.LoadAsync(ct);
        var settings = options.Value;
        var started = time.GetTimestamp();
        var robots = new RobotsCache(fetcher, settings.UserAgent, ct);
        var throttle = new HostThrottle(settings.MaxConcurrencyPerHost, settings.PerHostDelay, time);
        var results = new ConcurrentBag<PageCrawlResult>();
        var completed = 0;
        var total = catalog.Entries.Count;

        await Parallel.ForEachAsync(catalog.Entries, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = ct }, async (entry, token) =>
        {
            var result = await CrawlAsync(entry, robots, throttle, token);
            results.Add(result);
            metrics.RecordCrawl(result.Outcome.ToString().ToLowerInvariant(), result.Reason);
            progress?.Report(new CrawlProgress(Interlocked.Increment(ref completed), total, result));
        });

        var forgotten = await unlisted.SweepAsync(catalog, ct);
        var summary = CrawlSummary.From(results, time.GetElapsedTime(started)) with { Forgotten = forgotten, Catalog = catalog };
        LogCrawled(summary.Total, summary.Elapsed, summary.Fetched, summary.Unchanged, summary.Failed, forgotten);
        return summary;
    }

    private async Task<PageCrawlResult> CrawlAsync(CatalogEntry entry, RobotsCache robots, HostThrottle throttle, CancellationToken ct)
    {
        var existing = store.TryRead(entry.Id);
        var url = new Uri(entry.Url);
        FetchResult fetched;
        await using (await throttle.EnterAsync(url.IdnHost, ct))
        {
            fetched = await fetcher.FetchPageAsync(url, existing?.Validators, robots.IsAllowedAsync, ct);
        }

        var now = time.GetUtcNow();
        if (fetched.Outcome == FetchOutcome.NotModified && existing?.Article is not null)
        {
            return await ConfirmAsync(existing, now, ct);
        }

        if (fetched is { Outcome: FetchOutcome.Content, Text: { } html })
        {
            var extraction = ArticleExtractor.Extract(fetched.FinalUrl, html);
            if (extraction.Article is { } article)
            {
                var hash = ContentHash(article);
                if (existing?.Article is not null && existing.ContentHash == hash)
                {
                    return await ConfirmAsync(existing, now, ct);
                }

                await store.WriteAsync((existing ?? NewRecord(entry)) with
                {
                    FinalUrl = fetched.FinalUrl.AbsoluteUri,
                    HttpStatus = fetched.StatusCode,
                    ETag = fetched.Validators?.ETag,
                    LastModified = fetched.Validators?.LastModified,
                    FetchedAt = now,
                    VerifiedAt = now,
                    ContentHash = hash,
                    Article = article,
                    LastError = null,
                }, ct);
                return new PageCrawlResult(entry.Id, entry.Url, PageOutcome.Fetched);
            }

            fetched = FetchResult.Failed(fetched.FinalUrl, extraction.FailureReason!, extraction.Detail!, fetched.StatusCode);
        }

        var reason = fetched.FailureReason ?? FailureReasons.Http(fetched.StatusCode ?? 0);
        var detail = fetched.Detail ?? "unexpected answer";
        await store.WriteAsync((existing ?? NewRecord(entry)).WithFailure(new CrawlFailure(now, reason, fetched.StatusCode, detail)), ct);
        LogPageFailed(entry.Url, reason, detail);
        return new PageCrawlResult(entry.Id, entry.Url, PageOutcome.Failed, reason, detail);
    }

    /// <summary>The good copy is current. Only a record still carrying an old failure is written, to clear it.</summary>
    private async Task<PageCrawlResult> ConfirmAsync(CrawlRecord existing, DateTimeOffset now, CancellationToken ct)
    {
        if (existing.LastError is not null)
        {
            await store.WriteAsync(existing with { LastError = null, VerifiedAt = now }, ct);
        }

        return new PageCrawlResult(existing.Id, existing.Url, PageOutcome.Unchanged);
    }

    private static CrawlRecord NewRecord(CatalogEntry entry) => new() { Id = entry.Id, Url = entry.Url };

    private static string ContentHash(ExtractedArticle article) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(article)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawled {Total} URLs in {Elapsed}: {Fetched} fetched, {Unchanged} unchanged, {Failed} failed; {Forgotten} unlisted records forgotten")]
    private partial void LogCrawled(int total, TimeSpan elapsed, int fetched, int unchanged, int failed, int forgotten);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Url}: {Reason} ({Detail})")]
    private partial void LogPageFailed(string url, string reason, string detail);
}
