namespace FlinkSearch.Analytics;

/// <summary>One answered search as analytics keep it: when, the typed text (normalised before storing), how many matched, how long it took. Nothing about who asked.</summary>
public sealed record SearchEvent(DateTimeOffset At, string Query, int Total, TimeSpan Elapsed);
