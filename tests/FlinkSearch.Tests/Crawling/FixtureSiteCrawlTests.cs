using FlinkSearch.Crawling;
using FlinkSearch.Extraction;
using FlinkSearch.Indexing;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlinkSearch.Tests.Crawling;

/// <summary>
/// Crawls a misbehaving local site twice and checks every outcome: what was fetched, what failed and why, what the
/// store kept, and what the second crawl left untouched.
/// </summary>
public sealed class FixtureSiteCrawlTests : IAsyncLifetime
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private FixtureSite site = null!;
    private IHost host = null!;

    public async ValueTask InitializeAsync()
    {
        site = await FixtureSite.StartAsync();
        data.WriteSource("fixtures.md", site.SourceList());
        host = CrawlTestHost.Build(data.Root);
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await site.DisposeAsync();
        data.Dispose();
    }

    private CrawlStore Store => host.Services.GetRequiredService<CrawlStore>();

    private CrawlRecord Record(string path) =>
        Store.ReadAll().Values.Single(r => r.Url == site.Url(path).ToString());

    private Task<CrawlSummary> CrawlAsync() =>
        host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Two_crawls_of_a_misbehaving_site_give_every_expected_outcome()
    {
        var first = await CrawlAsync();

        Assert.Equal(15, first.Total);
        Assert.Equal(9, first.Fetched);
        Assert.Equal(0, first.Unchanged);
        Assert.Equal(new Dictionary<string, int>
        {
            ["http-302"] = 1, ["too-large"] = 1, ["not-html"] = 1, ["network"] = 1, ["http-404"] = 1, ["robots"] = 1,
        }, first.FailedByReason.ToDictionary());
        AssertFirstCrawlDetails();

        var files = Directory.GetFiles(Store.Root, "*.json").ToDictionary(f => f, f => (Bytes: File.ReadAllBytes(f), Written: File.GetLastWriteTimeUtc(f)));
        site.Round = 2;
        var second = await CrawlAsync();

        Assert.Equal(1, second.Fetched);
        Assert.Equal(5, second.Unchanged);
        Assert.Equal(new Dictionary<string, int>
        {
            ["timeout"] = 1, ["verification"] = 1, ["deleted"] = 1,
            ["http-302"] = 1, ["too-large"] = 1, ["not-html"] = 1, ["network"] = 1, ["http-404"] = 1, ["robots"] = 1,
        }, second.FailedByReason.ToDictionary());

        // Conditional GET: the stored ETag went back and the 304 rewrote nothing; neither did an unchanged content hash.
        Assert.Equal(FixtureSite.StableETag, site.RequestsTo("/s/stable")[^1].IfNoneMatch);
        foreach (var path in new[] { "/s/stable", "/s/nonce", "/s/flaky", "/s/limited", "/s/gbk" })
        {
            var file = Store.PathOf(Record(path).Id);
            Assert.Equal(files[file].Bytes, File.ReadAllBytes(file));
            Assert.Equal(files[file].Written, File.GetLastWriteTimeUtc(file));
        }

        Assert.Contains("SecondVersionWord", Record("/s/changing").Article!.Text, StringComparison.Ordinal);

        // Good copies survive the second crawl's failures, which are recorded beside them.
        AssertKeptWithFailure("/s/slow", FailureReasons.Timeout, "第一次很快");
        AssertKeptWithFailure("/s/verify", FailureReasons.Verification, "VerifyBodyWord");
        AssertKeptWithFailure("/s/deleted", FailureReasons.Deleted, "DeletedBodyWord");
        Assert.Empty(site.RequestsTo("/mp/wappoc_appmsgcaptcha"));
        Assert.Equal(2, Record("/s/huge").Failures.Count);

        var articles = await host.Services.GetRequiredService<ArticleSource>().LoadAsync(TestContext.Current.CancellationToken);
        var byUrl = articles.ToDictionary(a => a.Url);
        Assert.Equal(ArticleStatus.Ok, byUrl[site.Url("/s/stable").ToString()].Status);
        Assert.Equal(ArticleStatus.Stale, byUrl[site.Url("/s/deleted").ToString()].Status);
        Assert.Contains("DeletedBodyWord", byUrl[site.Url("/s/deleted").ToString()].Body, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Uncrawled, byUrl[site.Url("/s/huge").ToString()].Status);
        Assert.Null(byUrl[site.Url("/s/huge").ToString()].Body);
    }

    private void AssertFirstCrawlDetails()
    {
        // 500 then 200, and 429 then 200 after the Retry-After second; a 404 is not retried.
        Assert.Equal(2, site.RequestsTo("/s/flaky").Count);
        var limited = site.RequestsTo("/s/limited");
        Assert.Equal(2, limited.Count);
        Assert.True(limited[1].At - limited[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(limited[1].At - limited[0].At).TotalMilliseconds} ms");
        Assert.Single(site.RequestsTo("/s/missing"));
        Assert.Empty(site.RequestsTo("/private/page"));
        Assert.StartsWith("FlinkSearch/", site.RequestsTo("/s/stable")[0].UserAgent, StringComparison.Ordinal);

        var gbk = Record("/s/gbk").Article!;
        Assert.Equal("国标编码的页面", gbk.Title);
        Assert.Contains("增量快照与反压", gbk.Text, StringComparison.Ordinal);
        Assert.Equal("夹具公众号", gbk.Account);

        var stable = Record("/s/stable");
        Assert.Equal(FixtureSite.StableETag, stable.ETag);
        Assert.Equal(200, stable.HttpStatus);
        Assert.NotNull(stable.ContentHash);
        Assert.Null(stable.LastError);

        Assert.Contains("redirect loop", Record("/s/loop-a").LastError!.Detail, StringComparison.Ordinal);
        Assert.Equal(FailureReasons.TooLarge, Record("/s/huge").LastError!.Reason);
        Assert.Null(Record("/s/reset").Article);
    }

    private void AssertKeptWithFailure(string path, string reason, string bodyWord)
    {
        var record = Record(path);
        Assert.Contains(bodyWord, record.Article!.Text, StringComparison.Ordinal);
        Assert.Equal(reason, record.LastError!.Reason);
        Assert.Equal(reason, record.Failures[^1].Reason);
    }
}
