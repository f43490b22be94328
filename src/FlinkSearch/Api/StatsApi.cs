using FlinkSearch.Indexing;
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

    public static Ok<IndexStats> GetStats(ServingIndex index, QueryStatistics statistics, ReindexCoordinator reindex)
    {
        var metadata = index.Metadata;
        return TypedResults.Ok(new IndexStats(
            metadata?.Documents ?? 0,
            metadata?.Crawled ?? 0,
            metadata?.Uncrawled ?? 0,
            index.IsReady,
            metadata?.Generation,
            metadata?.BuiltAt.UtcDateTime,
            reindex.Latest,
            statistics.Top(TopCount),
            statistics.TopZeroResults(TopCount)));
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
    IReadOnlyList<QueryCount> ZeroResultQueries);
