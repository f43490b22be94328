using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Tests.Search;

public sealed class SearchResponseCacheTests
{
    private static readonly SearchResponse Response = new("checkpoint", 1, 1, 10, 1.5, [], [], null);

    [Fact]
    public void A_cached_response_is_found_for_the_same_generation_and_request()
    {
        using var cache = Cache(entries: 10);
        cache.Add("gen-1", new SearchRequest("checkpoint"), Response);

        Assert.True(cache.TryGet("gen-1", new SearchRequest("checkpoint"), out var found));
        Assert.Same(Response, found);
    }

    [Fact]
    public void Another_generation_page_or_section_misses()
    {
        using var cache = Cache(entries: 10);
        cache.Add("gen-1", new SearchRequest("checkpoint"), Response);

        Assert.False(cache.TryGet("gen-2", new SearchRequest("checkpoint"), out _));
        Assert.False(cache.TryGet("gen-1", new SearchRequest("checkpoint", Page: 2), out _));
        Assert.False(cache.TryGet("gen-1", new SearchRequest("checkpoint", Section: "窗口"), out _));
    }

    [Fact]
    public void Zero_entries_turns_the_cache_off()
    {
        using var cache = Cache(entries: 0);
        cache.Add("gen-1", new SearchRequest("checkpoint"), Response);

        Assert.False(cache.TryGet("gen-1", new SearchRequest("checkpoint"), out _));
    }

    [Fact]
    public async Task Repeated_queries_answered_from_the_cache_still_count_in_stats()
    {
        using var data = new TempDataDirectory();
        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(TestContext.Current.CancellationToken);

        var first = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=watermark", TestContext.Current.CancellationToken);
        var second = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=watermark", TestContext.Current.CancellationToken);
        var stats = await FlinkSearchApp.GetJsonAsync<StatsShape>(client, "/stats", TestContext.Current.CancellationToken);

        Assert.Equal(first.Hits.Select(h => h.Id), second.Hits.Select(h => h.Id));
        Assert.Contains(stats.TopQueries, q => q.Query == "watermark" && q.Count == 2);
    }

    private static SearchResponseCache Cache(int entries) =>
        new(Options.Create(new SearchOptions { ResponseCacheEntries = entries }), TimeProvider.System);

    private sealed record StatsShape(IReadOnlyList<QueryCount> TopQueries);
}
