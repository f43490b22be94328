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
}

public sealed record ReindexCounts(int Fetched = 0, int Unchanged = 0, int Failed = 0, int Indexed = 0);

/// <summary>One reindex as the admin API and <c>/stats</c> show it. Immutable: each change of state is a new record.</summary>
public sealed record ReindexRun(
    string Id,
    string Trigger,
    string State,
    DateTime? StartedAt,
    DateTime? EndedAt,
    ReindexCounts Counts,
    IReadOnlyDictionary<string, int> Failures,
    IReadOnlyList<string> Errors,
    string? Generation = null)
{
    public static ReindexRun Queue(string trigger, DateTime now) =>
        new(Guid.NewGuid().ToString("N")[..12], trigger, ReindexState.Queued, now, null, new ReindexCounts(), new Dictionary<string, int>(), []);
}
