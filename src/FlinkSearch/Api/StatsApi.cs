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
        IndexStatus index, SearchAnalytics analytics, ReindexCoordinator reindex, TakedownList takedowns, ScheduleOwnership ownership,
        ReindexScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
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
            takedowns.Current.Takedowns.Count,
            new ReindexSchedule(ownership.IsOwner, ownership.Owner, scheduler.NextRun)));
    }
}

/// <param name="SearchesLastDay">Searches answered in the last 24 hours; null when analytics are off.</param>
/// <param name="Hidden">Articles taken down (hidden from search).</param>
/// <param name="Schedule">Who runs the scheduled reindexes among the servers sharing the data dir.</param>
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
    int Hidden,
    ReindexSchedule Schedule);

/// <param name="ThisServer">True when the server answering runs the schedule.</param>
/// <param name="Owner">The server that took the schedule last (host, pid, since); null when none holds it yet or the last one stopped.
/// After a crash it still names the dead owner until another server takes over at its next tick.</param>
/// <param name="NextRun">This server's next tick: when it runs the schedule, or tries to take it over; null when the schedule is off.</param>
public sealed record ReindexSchedule(bool ThisServer, ScheduleOwner? Owner, DateTimeOffset? NextRun);
