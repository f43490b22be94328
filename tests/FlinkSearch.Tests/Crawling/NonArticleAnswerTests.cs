using FlinkSearch.Crawling;
using FlinkSearch.Extraction;
using FlinkSearch.Indexing;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Crawling;

public sealed class NonArticleAnswerTests
{
    [Fact]
    public async Task A_deleted_page_served_from_a_non_wechat_host_is_a_deleted_failure_without_a_body()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var site = await FixtureSite.StartAsync();
        using var data = new TempDataDirectory(withSeed: false);
        data.WriteSource("mirror.md", $"## 镜像\n\n- [镜像里被删的文章]({site.Url("/mirror/deleted")})\n");
        using var host = CrawlTestHost.Build(data.Root, CrawlTestHost.PatientSettings());

        var summary = await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, ct);
        var article = Assert.Single(await host.Services.GetRequiredService<ArticleSource>().LoadAsync(ct));

        Assert.Equal(new Dictionary<string, int> { [FailureReasons.Deleted] = 1 }, summary.FailedByReason.ToDictionary());
        Assert.Equal(ArticleStatus.Uncrawled, article.Status);
        Assert.Null(article.Body);
    }
}
