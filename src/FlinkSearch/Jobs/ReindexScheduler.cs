using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Jobs;

/// <summary>
/// Starts a reindex at each occurrence of <c>Reindex:Schedule</c> in <c>Reindex:TimeZone</c>, on the one server of a
/// shared data dir that owns the schedule (<see cref="ScheduleOwnership"/>); the others only try to take it over at
/// each occurrence and otherwise leave it, recording nothing.
/// </summary>
public sealed partial class ReindexScheduler(
    IOptions<ReindexOptions> options,
    ReindexCoordinator coordinator,
    ScheduleOwnership ownership,
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
        var from = time.GetUtcNow();
        ownership.TryOwn();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (NextOccurrence(from) is not { } next)
            {
                LogNoSchedule();
                return;
            }

            LogNext(next);

            // Timers count elapsed time, the schedule the wall clock: after the clock is set back a wait ends before the
            // occurrence, so wait again for the rest instead of firing early and then once more on time.
            for (var now = time.GetUtcNow(); now < next; now = time.GetUtcNow())
            {
                var waiting = Task.Delay(next - now, time, stoppingToken);
                NextRun = next;
                await waiting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }

            if (!ownership.TryOwn())
            {
                LogLeftToOwner(next, ownership.Owner?.ToString() ?? "another server");
            }
            else if (coordinator.TryStart(Trigger) is null)
            {
                LogSkipped(next);
                coordinator.RecordSkipped(Trigger);
            }

            // Each occurrence fires once: the next one is after both this one and the clock (set forward past several
            // occurrences, the schedule fires once for them, not once each).
            var after = time.GetUtcNow();
            from = after > next ? after : next;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No reindex schedule configured")]
    private partial void LogNoSchedule();

    [LoggerMessage(Level = LogLevel.Information, Message = "Next scheduled reindex at {Next:O}")]
    private partial void LogNext(DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled reindex at {Next:O} left to the schedule owner, {Owner}")]
    private partial void LogLeftToOwner(DateTimeOffset next, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled reindex at {Next:O} skipped: the previous run is still going")]
    private partial void LogSkipped(DateTimeOffset next);
}
