namespace FlinkSearch.Jobs;

public static class ReindexState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Skipped = "skipped";

    public static bool IsFinished(string state) => state is Succeeded or Failed or Cancelled or Skipped;

    /// <summary>How a run that threw ended: stopped on purpose, never really started (someone else was busy), or failed.</summary>
    public static string After(Exception error) => error switch
    {
        OperationCanceledException => Cancelled,
        ReindexBusyException or Crawling.CrawlBusyException or Indexing.IndexBusyException => Skipped,
        _ => Failed,
    };
}

/// <summary>A run's counts; <see cref="Forgotten"/> are crawl records deleted because their URL left the source lists.</summary>
public sealed record ReindexCounts(int Fetched = 0, int Unchanged = 0, int Failed = 0, int Indexed = 0, int Forgotten = 0);

/// <summary>
/// One reindex as the admin API and <c>/stats</c> show it. Immutable: each change of state is a new record. A run that
/// failed for a known cause names it in <see cref="Reason"/> (<c>disk-full</c>, <c>interrupted</c>); its errors say more.
/// </summary>
public sealed record ReindexRun(
    string Id,
    string Trigger,
    string State,
    DateTime? StartedAt,
    DateTime? EndedAt,
    ReindexCounts Counts,
    IReadOnlyDictionary<string, int> Failures,
    IReadOnlyList<string> Errors,
    string? Generation = null,
    string? Build = null,
    string? Reason = null)
{
    public const string Interrupted = "interrupted";

    /// <summary>This run ended without succeeding, with the error added to its errors and its cause, when known, as <see cref="Reason"/>.</summary>
    public ReindexRun End(string state, string error, DateTime now, string? reason = null) =>
        this with { State = state, EndedAt = now, Errors = [.. Errors, error], Reason = reason };

    public static ReindexRun Queue(string trigger, DateTime now) =>
        new(Guid.NewGuid().ToString("N")[..12], trigger, ReindexState.Queued, now, null, new ReindexCounts(), new Dictionary<string, int>(), []);
}
