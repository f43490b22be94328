using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FlinkSearch.Api.Protection;

/// <summary>
/// The per-client limit of the search endpoints: a fixed window per client address and endpoint, 429 ProblemDetails
/// with <c>Retry-After</c> beyond it. Endpoints opt in through their group (<c>RequireRateLimiting(PolicyName)</c>).
/// </summary>
public static class SearchRateLimit
{
    public const string PolicyName = "search";

    public static void Configure(RateLimiterOptions limiter, RateLimitingOptions settings)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(PolicyName, context =>
        {
            if (!settings.Enabled)
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            // Partitions live in memory only and are dropped when idle; nothing about the client is stored elsewhere.
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.ToString();
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter($"{endpoint}|{client}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = settings.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            var context = rejected.HttpContext;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"At most {settings.PermitLimit} requests per {settings.Window} for this endpoint; try again in {seconds} s.",
                },
            });
        };
    }
}
