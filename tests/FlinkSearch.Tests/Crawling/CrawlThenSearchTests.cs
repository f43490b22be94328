using System.Text.Json;
using FlinkSearch.Crawling;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Crawling;

/// <summary>End to end: crawl a local site, build the index, and find words that only the article bodies contain.</summary>
public sealed class CrawlThenSearchTests : IAsyncLifetime
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private FixtureSite site = null!;
    private FlinkSearchApp app = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        site = await FixtureSite.StartAsync();
        data.WriteSource("fixtures.md", $"## 夹具\n\n- [稳定的文章]({site.Url("/s/stable")})\n- [国标编码的页面]({site.Url("/s/gbk")})\n- [后来被删除]({site.Url("/s/deleted")})\n");
        app = new FlinkSearchApp(data, CrawlTestHost.FastSettings());
        client = await app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await site.DisposeAsync();
        data.Dispose();
    }

    private Task<SearchResponse> Search(string query) =>
        FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);

    private async Task CrawlAndIndexAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await app.Services.GetRequiredService<CrawlRunner>().RunAsync(null, ct);
        await app.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(ct);
        app.Services.GetRequiredService<ServingIndex>().Refresh();
    }

    [Fact]
    public async Task A_word_only_in_a_body_is_found_after_crawl_and_index_with_a_body_snippet()
    {
        Assert.Equal(0, (await Search("StableBodyWord")).Total);

        await CrawlAndIndexAsync();
        var response = await Search("StableBodyWord");

        var hit = Assert.Single(response.Hits);
        Assert.Equal("稳定的文章", hit.Title);
        Assert.Contains("<mark>StableBodyWord</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("支持条件请求的页面", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal("ok", hit.Status);
        Assert.Equal("夹具公众号", hit.Account);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), hit.PublishedAt);
        Assert.NotNull(hit.CrawledAt);
    }

    [Fact]
    public async Task Chinese_body_text_of_a_gbk_page_is_searchable()
    {
        await CrawlAndIndexAsync();
        var response = await Search("反压");

        var hit = Assert.Single(response.Hits);
        Assert.Equal("国标编码的页面", hit.Title);
        // SmartCn splits 反压 into two tokens, each marked on its own.
        Assert.Contains("增量快照与<mark>反压</mark>", hit.Snippet.Replace("</mark><mark>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_failed_after_a_good_crawl_stays_searchable_as_stale_and_stats_count_bodies()
    {
        await CrawlAndIndexAsync();
        site.Round = 2;
        await CrawlAndIndexAsync();

        var hit = Assert.Single((await Search("DeletedBodyWord")).Hits);
        Assert.Equal("stale", hit.Status);
        using var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", TestContext.Current.CancellationToken));
        Assert.Equal(3, stats.RootElement.GetProperty("crawled").GetInt32());
        Assert.Equal(0, stats.RootElement.GetProperty("uncrawled").GetInt32());
    }
}
