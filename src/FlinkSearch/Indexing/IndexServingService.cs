using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.Indexing;

/// <summary>
/// Opens the index once the host listens (building the catalog index first when there is none), then follows the
/// generation pointer so that a build finished by the CLI or the scheduler is served within seconds.
/// </summary>
public sealed class IndexServingService(
    IndexGenerations generations,
    IndexRebuilder rebuilder,
    ServingIndex serving,
    TimeProvider time,
    ILogger<IndexServingService> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        RemoveLeftovers();
        using var timer = new PeriodicTimer(PollInterval, time);
        do
        {
            try
            {
                if (generations.Current is null)
                {
                    logger.LogInformation("No index yet in {Path}; building it from the source lists", generations.Root);
                    await rebuilder.RebuildAsync(stoppingToken);
                }

                serving.Refresh();
            }
            catch (IndexBusyException)
            {
                logger.LogInformation("Another process is building the index; waiting for it");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not open or build the index; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>A build killed half-way leaves a generation directory nobody points at; remove it unless a build is running.</summary>
    private void RemoveLeftovers()
    {
        try
        {
            using var buildLock = generations.AcquireBuildLock();
            var removed = generations.DeleteUnused();
            if (removed.Count > 0)
            {
                logger.LogWarning("Removed unfinished or unused index generations: {Generations}", string.Join(", ", removed));
            }
        }
        catch (IndexBusyException)
        {
            logger.LogInformation("An index build is running in another process; leaving its files alone");
        }
    }
}
