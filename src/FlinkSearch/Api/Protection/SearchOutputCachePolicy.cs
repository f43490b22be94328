using FlinkSearch.Search;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FlinkSearch.Api.Protection;

/// <summary>
/// Caches successful GETs of the search endpoints for a few seconds, keyed by the whole query string and the served
/// index generation (and the caller's Origin), so a switch to a new generation never serves the old one's answers.
/// </summary>
public sealed class SearchOutputCachePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<OutputCachingOptions>>().Value;
        var request = context.HttpContext.Request;
        var cacheable = options.Duration > TimeSpan.Zero
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && options.CachedPaths.Any(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // No coalescing of identical requests: the widget aborts a superseded request and resends the same query, and a
        // waiter on an aborted leader would get the leader's failure instead of an answer.
        context.AllowLocking = false;
        if (cacheable)
        {
            context.ResponseExpirationTimeSpan = options.Duration;
            context.CacheVaryByRules.QueryKeys = "*";
            // An answer stored for one caller's Origin is not replayed to another, whatever CORS headers it carried.
            context.CacheVaryByRules.HeaderNames = HeaderNames.Origin;
            context.CacheVaryByRules.VaryByValues["generation"] = services.GetRequiredService<IndexStatus>().Generation ?? "none";
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only complete answers are reused: never a 400, a 429 or a 503 "index not ready".
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
