using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Jobs;

/// <summary>Starts a reindex at each occurrence of <c>Reindex:Schedule</c> in <c>Reindex:TimeZone</c>.</summary>
public sealed partial class ReindexScheduler(
    IOptions<ReindexOptions> options,
    ReindexCoordinator coordinator,
    TimeProvider time,
    ILogger<ReindexScheduler> logger) : BackgroundService
{
    public const string Trigger = "schedule";

    /// <summary>When the loop will next fire; set once it is waiting for that time.</summary>
    public DateTimeOffset? NextRun { get; private set; }

    /// <summary>The next time the schedule fires after <paramref name="from"/>, or null when it is off.</summary>
    public DateTimeOffset? NextOccurrence(DateTimeOffset from) =>
        options.Value.ParsedSchedule()?.GetNextOccurrence(from, options.Value.ParsedTimeZone());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (NextOccurrence(now) is not { } next)
            {
                LogNoSchedule();
                return;
            }

            LogNext(next);
            var waiting = Task.Delay(next - now, time, stoppingToken);
            NextRun = next;
            await waiting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (coordinator.TryStart(Trigger) is null)
            {
                LogSkipped(next);
                coordinator.RecordSkipped(Trigger);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No reindex schedule configured")]
    private partial void LogNoSchedule();

    [LoggerMessage(Level = LogLevel.Information, Message = "Next scheduled reindex at {Next:O}")]
    private partial void LogNext(DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled reindex at {Next:O} skipped: the previous run is still going")]
    private partial void LogSkipped(DateTimeOffset next);
}
