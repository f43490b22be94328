using Microsoft.AspNetCore.HttpLogging;
using FlinkSearch.Kernel;
using OpenTelemetry.Metrics;

namespace FlinkSearch.Api.Observability;

/// <summary>
/// Request logs (method, path, status, duration: never the query string or the client address) and metrics: the
/// <c>FlinkSearch</c> meter plus ASP.NET Core's and the runtime's, exported in Prometheus text format.
/// JSON console logs are the built-in formatter: <c>Logging__Console__FormatterName=json</c>.
/// </summary>
public static class ObservabilityExtensions
{
    // Meters that .NET itself publishes; together they give request rates, latencies, rejections and GC/memory figures.
    private static readonly string[] PlatformMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Runtime",
    ];

    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });

        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (metrics.ExposesEndpoint)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(meters => meters
                .AddMeter(FlinkSearchMetrics.MeterName)
                .AddMeter(PlatformMeters)
                .AddPrometheusExporter());
        }

        return builder;
    }

    /// <summary>One log line per request, at Information under <c>Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware</c>.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseHttpLogging();

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        if (options.ExposesEndpoint)
        {
            routes.MapPrometheusScrapingEndpoint(options.PrometheusEndpoint!)
                .WithTags("Operations")
                .WithSummary("Metrics in Prometheus text format (search latency, result counts, crawl and reindex figures, HTTP and runtime).")
                .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/plain"]));
        }

        return routes;
    }
}
