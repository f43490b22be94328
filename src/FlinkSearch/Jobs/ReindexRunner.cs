using FlinkSearch.Crawling;
using FlinkSearch.Kernel;
using FlinkSearch.Indexing;

namespace FlinkSearch.Jobs;

/// <summary>
/// One reindex: crawl every source URL, then build and switch to a new index generation. The scheduler, the admin API
/// and the <c>reindex</c> verb all run this, and a lock file keeps it to one run per data dir across processes.
/// </summary>
public sealed class ReindexRunner(DataDirectory data, CrawlRunner crawler, IndexRebuilder rebuilder, FreeSpaceGuard freeSpace, TimeProvider time)
{
    private const int MaxListedFailures = 20;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public string LockPath => LockPathOf(data);

    /// <summary>Held for the whole of a run, by whichever process runs it.</summary>
    public static string LockPathOf(DataDirectory data) => Path.Combine(data.Root, "jobs", "reindex.lock");

    /// <summary>
    /// Runs to the end, reporting the run's state through <paramref name="update"/> (at most about once a second while
    /// crawling); throws when the run fails or is cancelled. The index is built incrementally unless <paramref name="full"/>.
    /// </summary>
    public async Task<ReindexRun> RunAsync(
        ReindexRun run, Action<ReindexRun> update, IProgress<CrawlProgress>? crawlProgress, CancellationToken cancellationToken, bool full = false)
    {
        using var runLock = FileLock.TryAcquire(LockPath) ?? throw new ReindexBusyException();
        run = run with { State = ReindexState.Running, StartedAt = time.GetUtcNow().UtcDateTime };
        update(run);

        // The build at the end would be refused for want of space; refuse now, before the crawl writes to that disk too.
        freeSpace.EnsureRoomForBuild();
        var tally = new CrawlTally(run, update, crawlProgress, time, ProgressInterval);
        var crawl = await crawler.RunAsync(tally, cancellationToken);
        run = run with
        {
            Counts = new ReindexCounts(crawl.Fetched, crawl.Unchanged, crawl.Failed, Forgotten: crawl.Forgotten),
            Failures = crawl.FailedByReason,
            Errors = [.. crawl.Failures.Take(MaxListedFailures).Select(f => $"{f.Reason}: {f.Url}")],
        };
        update(run);

        // The source lists are read once per run: the index is built from the articles the crawl read.
        var metadata = await rebuilder.RebuildAsync(cancellationToken, full: full, catalog: crawl.Catalog);
        return run with
        {
            State = ReindexState.Succeeded,
            EndedAt = time.GetUtcNow().UtcDateTime,
            Counts = run.Counts with { Indexed = metadata.Documents },
            Generation = metadata.Generation,
            Build = metadata.Build?.ToString(),
        };
    }

    /// <summary>Keeps the run's counts current while the crawl goes, and passes each page on to a display.</summary>
    private sealed class CrawlTally(ReindexRun run, Action<ReindexRun> update, IProgress<CrawlProgress>? inner, TimeProvider time, TimeSpan interval)
        : IProgress<CrawlProgress>
    {
        private readonly Lock gate = new();
        private int fetched, unchanged, failed;
        private long lastUpdate = time.GetTimestamp();

        public void Report(CrawlProgress value)
        {
            inner?.Report(value);
            lock (gate)
            {
                switch (value.Page.Outcome)
                {
                    case PageOutcome.Fetched: fetched++; break;
                    case PageOutcome.Unchanged: unchanged++; break;
                    default: failed++; break;
                }

                if (time.GetElapsedTime(lastUpdate) >= interval)
                {
                    lastUpdate = time.GetTimestamp();
                    update(run with { Counts = new ReindexCounts(fetched, unchanged, failed) });
                }
            }
        }
    }
}

public sealed class ReindexBusyException() : Exception("A reindex is already running on this data directory.");
