namespace FlinkSearch.Takedowns;

/// <summary>One article taken out of search: its id (as in search results), why, when, and what it was for the list.</summary>
public sealed record Takedown(string Id, string Reason, DateTimeOffset HiddenAt, string? Url = null, string? Title = null);
