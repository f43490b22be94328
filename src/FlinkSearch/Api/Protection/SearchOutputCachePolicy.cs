using FlinkSearch.Search;
using FlinkSearch.Takedowns;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FlinkSearch.Api.Protection;

/// <summary>
/// Caches successful GETs of the endpoints whose group asks for it, for a few seconds, keyed by the query string with
/// <c>q</c> normalised (<see cref="QueryText.Normalize"/>), the served index generation, the takedown list and the caller's
/// Origin, so a switch to a new generation (or a takedown) never serves the old answers.
/// </summary>
public sealed class SearchOutputCachePolicy : IOutputCachePolicy
{
    public const string PolicyName = "search";
    private const string QueryKey = "q";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<OutputCachingOptions>>().Value;
        var request = context.HttpContext.Request;
        var cacheable = options.Duration > TimeSpan.Zero && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));

        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // No coalescing of identical requests: the widget aborts a superseded request and resends the same query, and a
        // waiter on an aborted leader would get the leader's failure instead of an answer.
        context.AllowLocking = false;
        if (cacheable)
        {
            context.ResponseExpirationTimeSpan = options.Duration;
            context.CacheVaryByRules.VaryByValues["query"] = KeyOf(request.Query);
            // An answer stored for one caller's Origin is not replayed to another, whatever CORS headers it carried.
            context.CacheVaryByRules.HeaderNames = HeaderNames.Origin;
            context.CacheVaryByRules.VaryByValues["generation"] = services.GetRequiredService<IndexStatus>().Generation ?? "none";
            // A takedown applies at once: answers cached before it are not replayed after it.
            context.CacheVaryByRules.VaryByValues["takedowns"] = services.GetRequiredService<TakedownList>().Current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    // Every parameter counts, escaped and in a fixed order; q counts by its normalised text.
    private static string KeyOf(IQueryCollection query) => string.Join('&', query
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .Select(pair => Uri.EscapeDataString(pair.Key) + "=" + string.Join(',', pair.Value.Select(value => Uri.EscapeDataString(
            pair.Key.Equals(QueryKey, StringComparison.OrdinalIgnoreCase) ? QueryText.Normalize(value ?? "") : value ?? "")))));
}
