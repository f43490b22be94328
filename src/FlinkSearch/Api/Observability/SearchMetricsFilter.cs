using FlinkSearch.Kernel;
using FlinkSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api.Observability;

/// <summary>Records latency, outcome and result count of every search-like request that reaches its handler.</summary>
public sealed class SearchMetricsFilter(string endpoint) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var time = services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        var result = await next(context);
        var (outcome, total) = Classify(result is INestedHttpResult nested ? nested.Result : result);
        services.GetRequiredService<FlinkSearchMetrics>().RecordSearch(endpoint, outcome, time.GetElapsedTime(started), total);
        return result;
    }

    private static (string Outcome, int? Total) Classify(object? result) => result switch
    {
        IValueHttpResult<SearchResponse> { Value: { } response } => ("ok", response.Total),
        IStatusCodeHttpResult { StatusCode: StatusCodes.Status400BadRequest } => ("bad_request", null),
        IStatusCodeHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable } => ("not_ready", null),
        IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } => ("ok", null),
        _ => ("other", null),
    };
}

public static class SearchMetricsFilterExtensions
{
    /// <summary>Counts this endpoint in the <c>flinksearch.search.*</c> instruments under the given <c>endpoint</c> tag.</summary>
    public static RouteHandlerBuilder WithSearchMetrics(this RouteHandlerBuilder builder, string endpoint) =>
        builder.AddEndpointFilter(new SearchMetricsFilter(endpoint));
}
