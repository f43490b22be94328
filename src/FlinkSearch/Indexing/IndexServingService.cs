using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.Indexing;

/// <summary>
/// Opens the index once the host listens (building the catalog index first when there is none), then follows the
/// generation pointer so that a build finished by the CLI or the scheduler is served within seconds.
/// </summary>
public sealed partial class IndexServingService(
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
        try
        {
            do
            {
                try
                {
                    if (serving.Refresh() == RefreshOutcome.NothingToServe)
                    {
                        LogBuildingFirst(generations.Root);
                        await rebuilder.RebuildAsync(stoppingToken);
                        serving.Refresh();
                    }
                }
                catch (IndexBusyException)
                {
                    LogWaitingForOtherBuild();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRetrying(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, also when the start failed half-way (port in use): a build in progress is abandoned.
        }
    }

    /// <summary>A build killed half-way leaves a generation directory nobody points at; remove it unless a build is running.</summary>
    private void RemoveLeftovers()
    {
        try
        {
            using var buildLock = generations.AcquireBuildLock();
            var cleanup = generations.DeleteUnused();
            if (cleanup.Deleted.Count > 0)
            {
                LogRemoved(string.Join(", ", cleanup.Deleted));
            }

            if (cleanup.InUse.Count > 0)
            {
                LogKeptInUse(string.Join(", ", cleanup.InUse));
            }
        }
        catch (IndexBusyException)
        {
            LogLeavingOtherBuild();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No index to serve in {Path}; building one from the source lists")]
    private partial void LogBuildingFirst(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process is building the index; waiting for it")]
    private partial void LogWaitingForOtherBuild();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open or build the index; retrying")]
    private partial void LogRetrying(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed unfinished or unused index generations: {Generations}")]
    private partial void LogRemoved(string generations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept unused index generations that another server or search still reads: {Generations}")]
    private partial void LogKeptInUse(string generations);

    [LoggerMessage(Level = LogLevel.Information, Message = "An index build is running in another process; leaving its files alone")]
    private partial void LogLeavingOtherBuild();
}
