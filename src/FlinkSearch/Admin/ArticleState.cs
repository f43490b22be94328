namespace FlinkSearch.Admin;

/// <summary>What an operator sees of one listed article: how its copy stands and whether it is taken down.</summary>
/// <param name="State">One of <see cref="ArticleStates"/>.</param>
/// <param name="Reason">The failure reason of the last fetch when it failed (also for an imported copy) (<c>deleted</c>, <c>http-404</c>, …).</param>
/// <param name="LastGoodFetch">When a good copy was last fetched or confirmed unchanged.</param>
/// <param name="CopyAge">How old the served copy is (since it was fetched).</param>
/// <param name="Gone">Left out of the index: it has answered only "deleted"/"removed" for longer than <c>Crawler:GoneAfter</c>.</param>
public sealed record ArticleState(
    string Id,
    string Url,
    string Title,
    IReadOnlyList<string> Sections,
    string State,
    string? Reason,
    DateTimeOffset? LastGoodFetch,
    TimeSpan? CopyAge,
    bool Gone,
    bool Hidden,
    string? HiddenReason);

/// <summary>One article in full: its state, what extraction found and the failures since the last good copy.</summary>
public sealed record ArticleDetail(
    ArticleState Article,
    string? ExtractedTitle,
    string? Author,
    string? Account,
    DateTimeOffset? PublishedAt,
    int BodyLength,
    string? FinalUrl,
    int? HttpStatus,
    IReadOnlyList<ArticleFailure> Failures);

/// <summary>One failed fetch of the article, as the crawl store recorded it.</summary>
public sealed record ArticleFailure(DateTimeOffset At, string Reason, int? HttpStatus, string? Detail);

public static class ArticleStates
{
    /// <summary>Fetched, and the last fetch succeeded.</summary>
    public const string Ok = "ok";

    /// <summary>A good copy is served, but the last fetch failed.</summary>
    public const string Stale = "stale";

    /// <summary>Never fetched successfully: every fetch failed.</summary>
    public const string Failed = "failed";

    /// <summary>Listed but not fetched yet.</summary>
    public const string Never = "never";

    /// <summary>The copy served is a saved page an operator imported (the crawler could not fetch it); a reason when a later crawl failed.</summary>
    public const string Imported = "imported";

    public static readonly IReadOnlyList<string> All = [Ok, Stale, Failed, Never, Imported];
}
