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
