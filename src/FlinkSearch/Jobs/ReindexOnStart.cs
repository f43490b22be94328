using FlinkSearch.Crawling;
using FlinkSearch.Indexing;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Jobs;

/// <summary>
/// A fresh deployment has only titles; once that catalog index is serving, fill in the bodies without anyone asking.
/// Offline the crawl fails page by page and the catalog index keeps serving. Of several servers starting on one data
/// dir, only the schedule owner does it, so the others record no refused runs.
/// </summary>
public sealed partial class ReindexOnStart(
    IOptions<ReindexOptions> options,
    ServingIndex serving,
    CrawlStore store,
    ReindexCoordinator coordinator,
    ScheduleOwnership ownership,
    ILogger<ReindexOnStart> logger) : BackgroundService
{
    public const string Trigger = "start";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.OnStart)
        {
            return;
        }

        await serving.WhenReady.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (stoppingToken.IsCancellationRequested || store.HasRecords || !ownership.TryOwn())
        {
            return;
        }

        LogStarting();
        coordinator.TryStart(Trigger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nothing crawled yet; starting a reindex to fetch article bodies")]
    private partial void LogStarting();
}
