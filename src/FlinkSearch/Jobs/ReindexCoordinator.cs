using FlinkSearch.Kernel;
using FlinkSearch.Indexing;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.Jobs;

/// <summary>
/// Runs reindexes in the server one at a time, in the background, and stops a running one cleanly on shutdown.
/// Callers learn at once whether their run started: a second request while one runs is refused, never queued behind it.
/// </summary>
public sealed partial class ReindexCoordinator(
    ReindexRunner runner,
    ReindexHistory history,
    ServingIndex serving,
    TimeProvider time,
    FlinkSearchMetrics metrics,
    ILogger<ReindexCoordinator> logger) : IHostedService
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;
    private volatile ReindexRun? current;

    // By the run's state rather than its task: a caller told "succeeded" may start the next run at once, even while
    // the finished task is still returning.
    public bool IsRunning => current is { } run && !ReindexState.IsFinished(run.State);

    public ReindexRun? Find(string id) => current?.Id == id ? current : history.Find(id);

    public ReindexRun? Latest => IsRunning ? current : history.Latest;

    /// <summary>Starts a run (with a full index build if asked), or returns null when one is already running (in this process or another).</summary>
    public ReindexRun? TryStart(string trigger, bool full = false)
    {
        lock (gate)
        {
            if (IsRunning || stopping.IsCancellationRequested)
            {
                LogRefused(trigger);
                return null;
            }

            var run = ReindexRun.Queue(trigger, time.GetUtcNow().UtcDateTime);
            Update(run);
            running = Task.Run(() => ExecuteAsync(run, full, stopping.Token));
            return run;
        }
    }

    /// <summary>Records a scheduled tick that did not start because a run was going.</summary>
    public void RecordSkipped(string trigger)
    {
        var now = time.GetUtcNow().UtcDateTime;
        history.Save(ReindexRun.Queue(trigger, now) with { State = ReindexState.Skipped, EndedAt = now, Errors = ["a reindex was already running"] });
    }

    private async Task ExecuteAsync(ReindexRun run, bool full, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var finished = await runner.RunAsync(run, Update, crawlProgress: null, cancellationToken, full);
            serving.Refresh();
            Update(finished);
            LogSucceeded(run.Id, time.GetElapsedTime(started).TotalSeconds, finished.Generation, finished.Counts.Indexed);
        }
        catch (Exception e)
        {
            var state = ReindexState.After(e);
            var reason = state == ReindexState.Cancelled ? "cancelled: the server is shutting down" : e.Message;
            if (state == ReindexState.Failed)
            {
                LogFailed(e, run.Id);
            }

            Update(current!.End(state, reason, time.GetUtcNow().UtcDateTime, DiskFullException.IsCause(e) ? DiskFullException.Reason : null));
            LogEnded(run.Id, state, reason);
        }
    }

    private void Update(ReindexRun run)
    {
        current = run;
        try
        {
            history.Save(run);
        }
        catch (IOException e)
        {
            // A full disk must not stop the run from ending: the API still shows it from memory.
            LogNotRecorded(e, run.Id, run.State);
        }

        if (ReindexState.IsFinished(run.State) && run is { StartedAt: { } start, EndedAt: { } end })
        {
            metrics.RecordReindex(end - start, run.State);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        // Waits for the run to notice the cancellation (a few seconds at most), bounded by the host's shutdown timeout.
        await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex requested by {Trigger} while one is running; not started")]
    private partial void LogRefused(string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex {Id} succeeded in {Seconds:F1} s: generation {Generation}, {Indexed} documents")]
    private partial void LogSucceeded(string id, double seconds, string? generation, int indexed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reindex {Id} failed; the served index is unchanged")]
    private partial void LogFailed(Exception e, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write reindex {Id} ({State}) to the run history")]
    private partial void LogNotRecorded(Exception e, string id, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reindex {Id} ended {State}: {Reason}")]
    private partial void LogEnded(string id, string state, string reason);
}
