using FlinkSearch.Analytics;
using FlinkSearch.Jobs;
using FlinkSearch.Search;
using FlinkSearch.Takedowns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api;

public static class StatsApi
{
    private const int TopCount = 20;

    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Operations");
        group.MapGet("/stats", GetStats).WithName("Stats").WithSummary("Index size, crawl coverage and query statistics.");
        return group;
    }

    /// <summary>Query counts come from the analytics database (over its retention), written first so the answer is current.</summary>
    public static async Task<Ok<IndexStats>> GetStats(
        IndexStatus index, SearchAnalytics analytics, ReindexCoordinator reindex, TakedownList takedowns, TimeProvider time, CancellationToken cancellationToken)
    {
        var served = index.Current;
        await analytics.FlushAsync(cancellationToken);
        var retained = analytics.RetainedSince;
        return TypedResults.Ok(new IndexStats(
            served?.Documents ?? 0,
            served?.Crawled ?? 0,
            served?.Uncrawled ?? 0,
            served is not null,
            served?.Generation,
            served?.BuiltAt.UtcDateTime,
            reindex.Latest,
            analytics.TopQueries(retained, TopCount),
            analytics.TopQueries(retained, TopCount, zeroResultsOnly: true),
            index.Fallback,
            analytics.Enabled ? analytics.SearchesSince(time.GetUtcNow().AddDays(-1)) : null,
            takedowns.Current.Takedowns.Count));
    }
}

/// <param name="SearchesLastDay">Searches answered in the last 24 hours; null when analytics are off.</param>
/// <param name="Hidden">Articles taken down (hidden from search).</param>
public sealed record IndexStats(
    int Documents,
    int Crawled,
    int Uncrawled,
    bool Ready,
    string? Generation,
    DateTime? BuiltAt,
    ReindexRun? LastReindex,
    IReadOnlyList<QueryCount> TopQueries,
    IReadOnlyList<QueryCount> ZeroResultQueries,
    string? Fallback,
    long? SearchesLastDay,
    int Hidden);
