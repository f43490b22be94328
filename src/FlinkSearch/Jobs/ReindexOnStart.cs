using FlinkSearch.Crawling;
using FlinkSearch.Indexing;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Jobs;

/// <summary>
/// A fresh deployment has only titles; once that catalog index is serving, fill in the bodies without anyone asking.
/// Offline the crawl fails page by page and the catalog index keeps serving.
/// </summary>
public sealed class ReindexOnStart(
    IOptions<ReindexOptions> options,
    ServingIndex serving,
    CrawlStore store,
    ReindexCoordinator coordinator,
    ILogger<ReindexOnStart> logger) : BackgroundService
{
    public const string Trigger = "start";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.OnStart)
        {
            return;
        }

        await serving.WhenReady.WaitAsync(stoppingToken);
        if (store.HasRecords)
        {
            return;
        }

        logger.LogInformation("Nothing crawled yet; starting a reindex to fetch article bodies");
        coordinator.TryStart(Trigger);
    }
}
