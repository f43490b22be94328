using FlinkSearch.Catalog;

namespace FlinkSearch.Crawling;

public enum PageOutcome
{
    Fetched,
    Unchanged,
    Failed,
}

/// <summary>What happened to one source URL in a crawl.</summary>
public sealed record PageCrawlResult(string Id, string Url, PageOutcome Outcome, string? Reason = null, string? Detail = null);

/// <summary>Reported after each page: how far the crawl is and what the page gave.</summary>
public sealed record CrawlProgress(int Completed, int Total, PageCrawlResult Page);

/// <summary>The totals of one crawl, for the CLI summary and the reindex job's status.</summary>
public sealed record CrawlSummary(
    int Total,
    int Fetched,
    int Unchanged,
    IReadOnlyDictionary<string, int> FailedByReason,
    TimeSpan Elapsed,
    IReadOnlyList<PageCrawlResult> Failures)
{
    public int Failed => Failures.Count;

    /// <summary>Records deleted because their URL had been in no source list for <c>Crawler:ForgetRemovedAfter</c>.</summary>
    public int Forgotten { get; init; }

    /// <summary>The articles this crawl read from the sources, for the index build that follows it in a reindex.</summary>
    public SourceCatalog? Catalog { get; init; }

    public static CrawlSummary From(IReadOnlyCollection<PageCrawlResult> pages, TimeSpan elapsed)
    {
        var failures = pages.Where(p => p.Outcome == PageOutcome.Failed).OrderBy(p => p.Reason, StringComparer.Ordinal).ThenBy(p => p.Url, StringComparer.Ordinal).ToList();
        var byReason = failures.GroupBy(p => p.Reason ?? "unknown", StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new CrawlSummary(
            pages.Count,
            pages.Count(p => p.Outcome == PageOutcome.Fetched),
            pages.Count(p => p.Outcome == PageOutcome.Unchanged),
            byReason,
            elapsed,
            failures);
    }
}
