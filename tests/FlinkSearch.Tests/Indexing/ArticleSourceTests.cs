using FlinkSearch.Crawling;
using FlinkSearch.Extraction;
using FlinkSearch.Indexing;
using FlinkSearch.Tests.Crawling;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Indexing;

public sealed class ArticleSourceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly IHost host;

    public ArticleSourceTests()
    {
        data.WriteSource("list.md", """
            ## 状态

            - [好的](https://example.org/ok)
            - [过期的](https://example.org/stale)
            - [没抓过](https://example.org/never)
            - [删了很久](https://example.org/gone)
            - [刚删的](https://example.org/just-deleted)
            """);
        host = CrawlTestHost.Build(data.Root, configure: services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }

    public void Dispose()
    {
        host.Dispose();
        data.Dispose();
    }

    private async Task SaveAsync(string path, Func<CrawlRecord, CrawlRecord> change)
    {
        var url = "https://example.org/" + path;
        var id = FlinkSearch.Catalog.CanonicalUrl.TryParse(url, out var canonical) ? canonical!.Id : throw new InvalidOperationException();
        var record = new CrawlRecord
        {
            Id = id,
            Url = url,
            FetchedAt = Now.AddDays(-30),
            Article = new ExtractedArticle("抓到的标题", "作者甲", "公众号乙", Now.AddDays(-40), null, null, path + " 的正文"),
        };
        await host.Services.GetRequiredService<CrawlStore>().WriteAsync(change(record), TestContext.Current.CancellationToken);
    }

    private static CrawlFailure Failure(int daysAgo, string reason) => new(Now.AddDays(-daysAgo), reason, 200, reason);

    [Fact]
    public async Task Catalog_entries_are_joined_with_crawl_records_and_long_deleted_articles_are_hidden()
    {
        await SaveAsync("ok", r => r);
        await SaveAsync("stale", r => r.WithFailure(Failure(1, FailureReasons.Timeout)));
        await SaveAsync("gone", r => r.WithFailure(Failure(10, FailureReasons.Deleted)).WithFailure(Failure(1, FailureReasons.Deleted)));
        await SaveAsync("just-deleted", r => r.WithFailure(Failure(2, FailureReasons.Violation)));

        var articles = (await host.Services.GetRequiredService<ArticleSource>().LoadAsync(TestContext.Current.CancellationToken))
            .ToDictionary(a => a.Url.Split('/')[^1]);

        Assert.Equal(["ok", "stale", "never", "just-deleted"], articles.Keys);
        var ok = articles["ok"];
        Assert.Equal((ArticleStatus.Ok, "好的", "ok 的正文", "作者甲", "公众号乙"), (ok.Status, ok.Title, ok.Body, ok.Author, ok.Account));
        Assert.Equal(Now.AddDays(-40), ok.PublishedAt);
        Assert.Equal(Now.AddDays(-30), ok.CrawledAt);
        Assert.Equal((ArticleStatus.Stale, "stale 的正文"), (articles["stale"].Status, articles["stale"].Body));
        Assert.Equal((ArticleStatus.Uncrawled, null), (articles["never"].Status, articles["never"].Body));
        Assert.Equal(ArticleStatus.Stale, articles["just-deleted"].Status);
    }
}
