using System.Text.Json.Serialization;
using FlinkSearch.Extraction;

namespace FlinkSearch.Crawling;

/// <summary>
/// What the crawl store keeps for one canonical URL: the last good copy (with the validators and hash it came with)
/// and the failures since, so a failed fetch adds to the record instead of replacing the copy.
/// </summary>
public sealed record CrawlRecord
{
    public const int MaxFailures = 20;

    public int Version { get; init; } = 1;
    public required string Id { get; init; }
    public required string Url { get; init; }
    public string? FinalUrl { get; init; }
    public int? HttpStatus { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>When the good copy was fetched.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>When the server last confirmed the good copy (a 304, or the same content again).</summary>
    public DateTimeOffset? VerifiedAt { get; init; }

    public string? ContentHash { get; init; }
    public ExtractedArticle? Article { get; init; }
    public CrawlFailure? LastError { get; init; }

    /// <summary>Recent failures, oldest first, at most <see cref="MaxFailures"/>.</summary>
    public IReadOnlyList<CrawlFailure> Failures { get; init; } = [];

    /// <summary>Where the good copy came from (<see cref="CopySources"/>); records from before sources were recorded say <c>crawl</c>.</summary>
    public string Source { get; init; } = CopySources.Crawl;

    /// <summary>The saved page an imported copy was read from.</summary>
    public ImportedFile? Import { get; init; }

    /// <summary>Other canonical URLs of this article that its pages gave (WeChat's long form of a <c>/s/</c> short link).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>When a crawl first found this URL in no source list; cleared when it is listed again.</summary>
    public DateTimeOffset? UnlistedSince { get; init; }

    [JsonIgnore]
    public HttpValidators? Validators => Article is null ? null : new HttpValidators(ETag, LastModified);

    [JsonIgnore]
    public DateTimeOffset? LastSuccessAt => VerifiedAt > FetchedAt ? VerifiedAt : FetchedAt;

    public CrawlRecord WithFailure(CrawlFailure failure) => this with
    {
        LastError = failure,
        Failures = [.. Failures.TakeLast(MaxFailures - 1), failure],
    };

    /// <summary>
    /// True when every answer since the last success said "deleted" or "removed", the first of them longer ago than
    /// <paramref name="goneAfter"/>. Verification pages say nothing about the article and are skipped.
    /// </summary>
    public bool IsGone(DateTimeOffset now, TimeSpan goneAfter)
    {
        if (!FailureReasons.MeansGone(LastError?.Reason))
        {
            return false;
        }

        var since = LastSuccessAt ?? DateTimeOffset.MinValue;
        DateTimeOffset? streakStart = null;
        foreach (var failure in Failures.Reverse())
        {
            if (failure.At <= since)
            {
                break;
            }

            if (failure.Reason == FailureReasons.Verification)
            {
                continue;
            }

            if (!FailureReasons.MeansGone(failure.Reason))
            {
                break;
            }

            streakStart = failure.At;
        }

        return streakStart is { } start && now - start >= goneAfter;
    }
}

/// <summary>One failed fetch: when, why (a reason from the contract's list), and the details.</summary>
public sealed record CrawlFailure(DateTimeOffset At, string Reason, int? HttpStatus, string? Detail);

/// <summary>The values of a record's <c>source</c>: its own page, a saved page imported by an operator, a feed item's content.</summary>
public static class CopySources
{
    public const string Crawl = "crawl";
    public const string Import = "import";
    public const string Feed = "feed";
}

/// <summary>An imported copy's file: its name (or where it came from) and its last-modified time, when known.</summary>
public sealed record ImportedFile(string Name, DateTimeOffset? SavedAt);
