using FlinkSearch.Crawling;
using FlinkSearch.Extraction;
using FlinkSearch.Importing;
using FlinkSearch.Indexing;
using FlinkSearch.Tests.Crawling;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlinkSearch.Tests.Importing;

/// <summary>An imported copy against later crawls of the fixture site: kept on verification, replaced only by other content.</summary>
public sealed class ImportThenCrawlTests : IAsyncLifetime
{
    private const string StableParagraph = "支持条件请求的页面，正文里有 StableBodyWord。";
    private readonly TempDataDirectory data = new(withSeed: false);
    private FixtureSite site = null!;
    private IHost host = null!;

    public async ValueTask InitializeAsync()
    {
        site = await FixtureSite.StartAsync();
        data.WriteSource("site.md", $"## 夹具\n\n- [被拦的文章]({site.Url("/s/blocked")})\n- [稳定的文章]({site.Url("/s/stable")})\n");
        host = ImportFixtures.Host(data);
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await site.DisposeAsync();
        data.Dispose();
    }

    private CrawlRecord Record(string path) => host.Services.GetRequiredService<CrawlStore>().ReadAll().Values.Single(r => r.Url == site.Url(path).ToString());

    private Task<CrawlSummary> CrawlAsync() => host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_crawl_that_meets_the_verification_page_keeps_the_imported_body()
    {
        var imported = await ImportFixtures.ImportAsync(host, new SavedPage("exporter.html", ImportFixtures.Read("exporter-single-file.html"), null), site.Url("/s/blocked").ToString());

        var summary = await CrawlAsync();

        Assert.Equal((ImportResult.Imported, "--url"), (imported.Result, imported.MatchedBy));
        Assert.Equal(1, summary.FailedByReason[FailureReasons.Verification]);
        var record = Record("/s/blocked");
        Assert.Equal((CopySources.Import, FailureReasons.Verification), (record.Source, record.LastError!.Reason));
        var article = (await host.Services.GetRequiredService<ArticleSource>().LoadAsync(TestContext.Current.CancellationToken)).Single(a => a.Url == record.Url);
        Assert.Contains("ExporterBodyWord", article.Body, StringComparison.Ordinal);
        Assert.Equal("导出工具作者", article.Author);
    }

    [Fact]
    public async Task A_successful_crawl_replaces_an_imported_copy_only_when_the_content_differs()
    {
        var url = site.Url("/s/stable").ToString();
        await ImportFixtures.ImportAsync(host, new SavedPage("same.html", FixtureSite.Article("稳定的文章", StableParagraph), null), url);

        var same = await CrawlAsync();
        Assert.Equal(CopySources.Import, Record("/s/stable").Source);

        await ImportFixtures.ImportAsync(host, new SavedPage("older.html", FixtureSite.Article("稳定的文章", "导入时的旧正文 OlderImportWord。"), null), url);
        var different = await CrawlAsync();

        Assert.Contains(same.Failures, f => f.Url.EndsWith("/s/blocked", StringComparison.Ordinal));
        Assert.Equal(1, same.Unchanged);
        Assert.Equal(1, different.Fetched);
        var record = Record("/s/stable");
        Assert.Equal((CopySources.Crawl, (ImportedFile?)null), (record.Source, record.Import));
        Assert.Contains("StableBodyWord", record.Article!.Text, StringComparison.Ordinal);
    }
}
