using FlinkSearch.Crawling;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Crawling;

/// <summary>Records of URLs that left the source lists are forgotten after <c>Crawler:ForgetRemovedAfter</c>, on a fake clock.</summary>
public sealed class UnlistedRecordsTests : IDisposable
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly IHost host;

    public UnlistedRecordsTests()
    {
        // Loopback links refused by the address guard: every crawl ends at once, writing a failure record per URL.
        var settings = new Dictionary<string, string?>(TestSources.QuickCrawl) { ["Crawler:ForgetRemovedAfter"] = "30.00:00:00" };
        host = CrawlTestHost.Build(data.Root, settings, services => services.AddSingleton<TimeProvider>(clock));
    }

    public void Dispose()
    {
        host.Dispose();
        data.Dispose();
    }

    private CrawlStore Store => host.Services.GetRequiredService<CrawlStore>();

    private Task<CrawlSummary> CrawlAsync() => host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, TestContext.Current.CancellationToken);

    private void List(int count) => data.WriteSource("quick.md", TestSources.Numbered("留存", count));

    [Fact]
    public async Task A_removed_url_keeps_its_record_for_the_window_and_then_loses_it()
    {
        List(3);
        await CrawlAsync();
        var removed = Store.ReadAll().Values.Single(r => r.Url.EndsWith("/3", StringComparison.Ordinal));

        List(2);
        var marked = await CrawlAsync();
        Assert.Equal(0, marked.Forgotten);
        Assert.Equal(clock.GetUtcNow(), Store.TryRead(removed.Id)!.UnlistedSince);

        clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, (await CrawlAsync()).Forgotten);
        Assert.NotNull(Store.TryRead(removed.Id));

        clock.Advance(TimeSpan.FromDays(1));
        var swept = await CrawlAsync();

        Assert.Equal(1, swept.Forgotten);
        Assert.Null(Store.TryRead(removed.Id));
        Assert.Equal(2, Store.ReadAll().Count);
    }

    [Fact]
    public async Task A_url_listed_again_within_the_window_is_kept()
    {
        List(2);
        await CrawlAsync();
        var id = Store.ReadAll().Values.Single(r => r.Url.EndsWith("/2", StringComparison.Ordinal)).Id;
        List(1);
        await CrawlAsync();

        clock.Advance(TimeSpan.FromDays(20));
        List(2);
        await CrawlAsync();
        clock.Advance(TimeSpan.FromDays(20));
        var summary = await CrawlAsync();

        Assert.Equal(0, summary.Forgotten);
        Assert.Null(Store.TryRead(id)!.UnlistedSince);
    }

    [Fact]
    public async Task Records_are_not_marked_while_no_article_is_listed()
    {
        List(2);
        await CrawlAsync();
        data.WriteSource("quick.md", "## 空\n");

        await CrawlAsync();
        clock.Advance(TimeSpan.FromDays(60));
        await CrawlAsync();

        Assert.Equal(2, Store.ReadAll().Count);
        Assert.All(Store.ReadAll().Values, r => Assert.Null(r.UnlistedSince));
    }
}
