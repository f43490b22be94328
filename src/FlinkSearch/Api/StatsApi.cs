using FlinkSearch.Jobs;
using FlinkSearch.Search;
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

    public static Ok<IndexStats> GetStats(IndexStatus index, QueryStatistics statistics, ReindexCoordinator reindex)
    {
        var served = index.Current;
        return TypedResults.Ok(new IndexStats(
            served?.Documents ?? 0,
            served?.Crawled ?? 0,
            served?.Uncrawled ?? 0,
            served is not null,
            served?.Generation,
            served?.BuiltAt.UtcDateTime,
            reindex.Latest,
            statistics.Top(TopCount),
            statistics.TopZeroResults(TopCount),
            index.Fallback));
    }
}

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
    string? Fallback);
