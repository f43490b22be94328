using FlinkSearch.Crawling;
using FlinkSearch.Indexing;
using FlinkSearch.Tests.Crawling;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Sources;

/// <summary>Lists whose front matter names an RSS or Atom feed on the loopback fixture site, crawled on a fake clock.</summary>
public sealed class FeedSourceTests : IAsyncLifetime
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
    private FixtureSite site = null!;
    private IHost host = null!;

    public async ValueTask InitializeAsync()
    {
        site = await FixtureSite.StartAsync();
        host = CrawlTestHost.Build(data.Root, CrawlTestHost.PatientSettings(), services => services.AddSingleton<TimeProvider>(clock));
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await site.DisposeAsync();
        data.Dispose();
    }

    private void FeedList(string feed, string extra = "") =>
        data.WriteSource("blog.md", $"---\nid: blog\ntitle: 博客\nfeed: {site.Url(feed)}\n{extra}---\n");

    private Task<CrawlSummary> CrawlAsync() => host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, TestContext.Current.CancellationToken);

    private async Task<IReadOnlyList<IndexableArticle>> ArticlesAsync() =>
        await host.Services.GetRequiredService<ArticleSource>().LoadAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Rss_items_become_articles_with_their_full_content_as_the_body()
    {
        FeedList("/feeds/blog.rss", "section: 流处理\n");

        var summary = await CrawlAsync();

        Assert.Equal(4, summary.Total); // the feed and its three items
        var article = (await ArticlesAsync()).Single(a => a.Title == "反压是怎样形成的");
        Assert.Equal(site.Url("/blog/backpressure").ToString(), article.Url); // tracking parameters dropped like any link
        Assert.Equal(["流处理"], article.Sections);
        Assert.Equal((ArticleStatus.Ok, "李四", "流处理博客"), (article.Status, article.Author, article.Account));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 9, 30, 0, TimeSpan.FromHours(8)), article.PublishedAt);
        Assert.Contains("RssBodyWord", article.Body, StringComparison.Ordinal);
        Assert.Contains("credit-based", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("只是摘要", article.Body, StringComparison.Ordinal);
        var record = host.Services.GetRequiredService<CrawlStore>().TryRead(article.Id)!;
        Assert.Equal(CopySources.Feed, record.Source);
        Assert.Equal("http-404", record.Failures.Single().Reason); // the page itself is not there
    }

    [Fact]
    public async Task A_page_that_can_be_fetched_is_the_body_and_the_feed_fills_in_its_author()
    {
        FeedList("/feeds/blog.rss");

        await CrawlAsync();

        var article = (await ArticlesAsync()).Single(a => a.Url == site.Url("/s/stable").ToString());
        Assert.Contains("StableBodyWord", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("FeedCopyWord", article.Body, StringComparison.Ordinal);
        Assert.Equal(("赵六", "博客"), (article.Author, article.Sections[0])); // no section: in the front matter → the list's title
    }

    [Fact]
    public async Task Atom_entries_become_articles_with_relative_links_resolved()
    {
        FeedList("/feeds/blog.atom");

        await CrawlAsync();

        var article = (await ArticlesAsync()).Single();
        Assert.Equal((site.Url("/notes/incremental").ToString(), "增量 Checkpoint 的原理", "周八"), (article.Url, article.Title, article.Author));
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.FromHours(8)), article.PublishedAt);
        Assert.Contains("AtomBodyWord", article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/feeds/blog.rss", "RssNewItemWord")]
    [InlineData("/feeds/blog.atom", "AtomNewItemWord")]
    public async Task A_second_crawl_picks_up_a_new_item(string feed, string newWord)
    {
        FeedList(feed);
        await CrawlAsync();
        Assert.DoesNotContain(await ArticlesAsync(), a => a.Body?.Contains(newWord, StringComparison.Ordinal) == true);

        site.Round = 2;
        await CrawlAsync();

        Assert.Single(await ArticlesAsync(), a => a.Body?.Contains(newWord, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Items_that_leave_the_feed_stay_until_the_keep_window_ends()
    {
        FeedList("/feeds/blog.rss", "keep: 2\n");
        await CrawlAsync();
        site.Round = 2;

        clock.Advance(TimeSpan.FromDays(1));
        await CrawlAsync();
        Assert.Contains(await ArticlesAsync(), a => a.Title == "后来从订阅源里消失的文章");

        clock.Advance(TimeSpan.FromDays(2));
        await CrawlAsync();
        var titles = (await ArticlesAsync()).Select(a => a.Title).ToList();
        Assert.DoesNotContain("后来从订阅源里消失的文章", titles);
        Assert.Contains("反压是怎样形成的", titles);
    }

    [Fact]
    public async Task Without_a_keep_window_items_that_leave_the_feed_stay()
    {
        FeedList("/feeds/blog.rss");
        await CrawlAsync();
        site.Round = 2;

        clock.Advance(TimeSpan.FromDays(400));
        await CrawlAsync();

        Assert.Contains(await ArticlesAsync(), a => a.Title == "后来从订阅源里消失的文章");
    }

    [Fact]
    public async Task A_feed_address_that_is_not_a_feed_is_a_failure_of_the_feed_alone()
    {
        data.WriteSource("blog.md", $"---\nid: blog\ntitle: 博客\nfeed: {site.Url("/s/stable")}\n---\n\n## 文章\n\n- [稳定的文章]({site.Url("/s/stable")})\n");

        var summary = await CrawlAsync();

        Assert.Equal((1, 1), (summary.Fetched, summary.Failed));
        Assert.Contains(summary.Failures, f => f.Url == site.Url("/s/stable").ToString() && f.Reason == "not-html");
    }
}
