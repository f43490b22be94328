using FlinkSearch.Analytics;
using FlinkSearch.Kernel;
using FlinkSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api.Observability;

/// <summary>
/// Latency, outcome and result count of every request to an endpoint whose group asks for search metrics, tagged
/// with the endpoint's name in lower case (<c>search</c>, <c>suggest</c>). Measured around the endpoint, inside the
/// output cache (cache hits are not searches) and outside request validation (a 400 is an outcome too). The first page
/// of each answered search also goes to the search analytics.
/// </summary>
public static class SearchMetrics
{
    public static TBuilder WithSearchMetrics<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Measured()).AddEndpointFilter(static async (context, next) =>
        {
            var result = await next(context);
            if ((result is INestedHttpResult nested ? nested.Result : result) is IValueHttpResult<SearchResponse> { Value: { } response })
            {
                context.HttpContext.Features.Set(new Matches(response.Total, response.Page == 1 ? response.Query : null));
            }

            return result;
        });

    /// <summary>Goes after the output cache, so that only requests that reach an endpoint are measured.</summary>
    public static IApplicationBuilder UseSearchMetrics(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<Measured>() is null)
        {
            await next(context);
            return;
        }

        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        var outcome = "other";
        try
        {
            await next(context);
            outcome = Outcome(context.Response.StatusCode);
        }
        catch (IndexNotReadyException)
        {
            outcome = "not_ready";
            throw;
        }
        catch (BadHttpRequestException)
        {
            outcome = "bad_request";
            throw;
        }
        finally
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName.ToLowerInvariant() ?? "unnamed";
            var elapsed = time.GetElapsedTime(started);
            var matches = context.Features.Get<Matches>();
            context.RequestServices.GetRequiredService<FlinkSearchMetrics>().RecordSearch(name, outcome, elapsed, matches?.Total);
            if (matches is { Query: { } query } && outcome == "ok")
            {
                context.RequestServices.GetRequiredService<SearchAnalytics>().Record(query, matches.Total, elapsed);
            }
        }
    });

    private static string Outcome(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status503ServiceUnavailable => "not_ready",
        >= 200 and < 300 => "ok",
        _ => "other",
    };

    private sealed class Measured;

    /// <param name="Query">The typed text, on a first page only (a next page is the same search going on).</param>
    private sealed record Matches(int Total, string? Query);
}
