using FlinkSearch.Indexing;
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
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = async (context, report) =>
            {
                if (report.Status != HealthStatus.Healthy)
                {
                    context.Response.Headers.RetryAfter = ApiProblems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(report.Status.ToString());
            },
        });
        return routes;
    }

    private sealed class IndexReadyCheck(ServingIndex index) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(index.IsReady
                ? HealthCheckResult.Healthy($"serving {index.Metadata?.Generation}")
                : HealthCheckResult.Unhealthy("the index is being built"));
    }
}
