using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Search;

/// <summary>
/// Recent responses, keyed by index generation and request, so a hot query skips the search and highlighting.
/// A new generation changes every key; entries of the old one are never hit again and age out.
/// </summary>
public sealed class SearchResponseCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly MemoryCache? cache;

    public SearchResponseCache(IOptions<SearchOptions> options, TimeProvider time)
    {
        var entries = options.Value.ResponseCacheEntries;
        cache = entries == 0 ? null : new MemoryCache(new MemoryCacheOptions { SizeLimit = entries, Clock = new TimeProviderClock(time) });
    }

    public bool TryGet(string generation, SearchRequest request, out SearchResponse response)
    {
        response = null!;
        return cache is not null && cache.TryGetValue((generation, request), out response!);
    }

    public void Add(string generation, SearchRequest request, SearchResponse response) =>
        cache?.Set((generation, request), response, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Lifetime });

    public void Dispose() => cache?.Dispose();

#pragma warning disable CS0618 // ISystemClock is the clock MemoryCache takes; it has no TimeProvider overload.
    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618
}
