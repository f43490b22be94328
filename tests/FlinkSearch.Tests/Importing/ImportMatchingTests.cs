using FlinkSearch.Crawling;
using FlinkSearch.Importing;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlinkSearch.Tests.Importing;

public sealed class ImportMatchingTests : IDisposable
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly IHost host;

    public ImportMatchingTests()
    {
        data.WriteSource("imports.md", ImportFixtures.SourceList);
        host = ImportFixtures.Host(data);
    }

    public void Dispose()
    {
        host.Dispose();
        data.Dispose();
    }

    private static SavedPage Page(string name, string? html = null) => new(name, html ?? ImportFixtures.Read(name), null);

    [Fact]
    public async Task A_long_form_address_seen_once_matches_a_later_page_that_gives_only_that_form()
    {
        await ImportFixtures.ImportAsync(host, Page("browser-saved.html"));
        // Another copy of the article: no note of the short link it was saved from, a retouched title, other tracking parameters.
        var html = ImportFixtures.Read("browser-saved.html")
            .Replace("<!-- saved from url=(0050)https://mp.weixin.qq.com/s/BrowserSavedFixture01 -->", "", StringComparison.Ordinal)
            .Replace("Checkpoint 屏障对齐与非对齐", "【转】屏障对齐", StringComparison.Ordinal)
            .Replace("chksm=fixturechk#rd", "scene=21#wechat_redirect", StringComparison.Ordinal)
            .Replace("BrowserSavedBodyWord", "SecondCopyWord", StringComparison.Ordinal);

        var outcome = await ImportFixtures.ImportAsync(host, Page("copy.html", html));

        Assert.Equal((ImportResult.Imported, "address"), (outcome.Result, outcome.MatchedBy));
        Assert.EndsWith("BrowserSavedFixture01", outcome.Article!.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_names_the_article_of_a_page_that_matches_nothing_else()
    {
        var unmatched = await ImportFixtures.ImportAsync(host, Page("unlisted.html"));
        var named = await ImportFixtures.ImportAsync(host, Page("unlisted.html"), "https://mp.weixin.qq.com/s/OtherFixture04?scene=1");

        Assert.Equal(ImportResult.Skipped, unmatched.Result);
        Assert.Contains("--url", unmatched.Detail, StringComparison.Ordinal);
        Assert.Equal((ImportResult.Imported, "--url"), (named.Result, named.MatchedBy));
        Assert.Contains("UnlistedBodyWord", host.Services.GetRequiredService<CrawlStore>().TryRead(named.Article!.Id)!.Article!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_whose_own_address_contradicts_the_operator_is_skipped()
    {
        var outcome = await ImportFixtures.ImportAsync(host, Page("exporter-single-file.html"), "https://mp.weixin.qq.com/s/OtherFixture04");

        Assert.Equal(ImportResult.Skipped, outcome.Result);
        Assert.Empty(host.Services.GetRequiredService<CrawlStore>().ReadAll());
    }

    [Fact]
    public async Task The_same_page_imported_twice_is_unchanged_the_second_time()
    {
        var first = await ImportFixtures.ImportAsync(host, Page("exporter-single-file.html"));
        var second = await ImportFixtures.ImportAsync(host, Page("exporter-single-file.html"));

        Assert.Equal((ImportResult.Imported, ImportResult.Unchanged), (first.Result, second.Result));
    }

    [Fact]
    public async Task A_title_listed_twice_matches_neither()
    {
        data.WriteSource("twice.md", "## 重复\n\n- [Watermark 与乱序数据](https://example.org/watermark-copy)\n");

        var outcome = await ImportFixtures.ImportAsync(host, Page("title-only.html"));

        Assert.Equal(ImportResult.Skipped, outcome.Result);
    }

    [Fact]
    public async Task An_import_waits_for_no_crawl_it_is_refused_while_one_holds_the_store()
    {
        using var crawl = host.Services.GetRequiredService<CrawlStore>().AcquireCrawlLock();

        await Assert.ThrowsAsync<ImportBusyException>(() => ImportFixtures.ImportAsync(host, Page("exporter-single-file.html")));
    }
}
