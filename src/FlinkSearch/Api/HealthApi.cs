using FlinkSearch.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlinkSearch.Api;

public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<IndexReadyCheck>("index", tags: [ReadyTag]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithTags("Operations").WithSummary("Liveness: the process answers.")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/plain"]));
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = async (context, report) =>
            {
                if (report.Status != HealthStatus.Healthy)
                {
                    context.Response.Headers.RetryAfter = ApiExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "text/plain";
                // Degraded still answers 200 (an index is served) but says what is wrong, e.g. a damaged generation bypassed.
                var detail = report.Status == HealthStatus.Degraded ? string.Join("; ", report.Entries.Values.Select(e => e.Description)) : "";
                await context.Response.WriteAsync(detail.Length > 0 ? $"{report.Status}: {detail}" : report.Status.ToString());
            },
        })
            .WithTags("Operations").WithSummary("Readiness: an index is open and served (200 `Healthy`, or `Degraded: …` naming a damaged generation bypassed); 503 with Retry-After while it is being built.")
            .WithMetadata(
                new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/plain"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(string), ["text/plain"]));
        return routes;
    }

    private sealed class IndexReadyCheck(IndexStatus index) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(
                !index.IsReady ? HealthCheckResult.Unhealthy("the index is being built")
                : index.Fallback is { } fallback ? HealthCheckResult.Degraded(fallback)
                : HealthCheckResult.Healthy($"serving {index.Generation}"));
    }
}
