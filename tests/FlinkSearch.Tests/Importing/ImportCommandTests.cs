using System.Net.Http.Json;
using System.Text.Json;
using FlinkSearch.Crawling;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Extraction;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Importing;

/// <summary>The <c>import</c> verb end to end: saved pages in, records out, bodies found by <c>/search</c>.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly string pages = Path.Combine(Path.GetTempPath(), "flinksearch-tests", "pages-" + Guid.NewGuid().ToString("N"));

    public ImportCommandTests()
    {
        data.WriteSource("imports.md", ImportFixtures.SourceList);
        CopyFolder(ImportFixtures.Folder, pages);
        File.Copy(Fixture.Path("wechat-verification.html"), Path.Combine(pages, "verification.html"));
    }

    public void Dispose()
    {
        data.Dispose();
        Directory.Delete(pages, recursive: true);
    }

    private CrawlStore Store => new(new DataDirectory(data.Root));

    private CrawlRecord Record(string shortId) => Store.ReadAll().Values.Single(r => r.Url.EndsWith(shortId, StringComparison.Ordinal));

    [Fact]
    public async Task A_folder_of_saved_pages_is_imported_matched_reported_and_searchable()
    {
        var ct = TestContext.Current.CancellationToken;

        var (exit, output) = await AppProcess.RunAsync(["import", pages, "--data-dir", data.Root], ct);

        Assert.True(exit == 1, output); // one page matches nothing and one is WeChat's verification page
        Assert.Contains("imported  browser-saved.html → 屏障对齐（清单里的标题）", output, StringComparison.Ordinal);
        Assert.Contains("matched by address", output, StringComparison.Ordinal);
        Assert.Contains("imported  title-only.html → Watermark 与乱序数据 (https://mp.weixin.qq.com/s/TitleOnlyFixture03), matched by title", output, StringComparison.Ordinal);
        Assert.Contains("skipped   unlisted.html: \"没有列在清单里的文章\"", output, StringComparison.Ordinal);
        Assert.Contains("refused   verification.html: verification", output, StringComparison.Ordinal);
        Assert.Contains("Imported 3 of 5 page(s): 3 imported, 0 unchanged, 1 skipped, 1 refused.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("saved_resource", output, StringComparison.Ordinal);

        var saved = Record("BrowserSavedFixture01");
        Assert.Equal((CopySources.Import, "browser-saved.html"), (saved.Source, saved.Import!.Name));
        Assert.Equal(("浏览器保存者", "流计算夜谈", DateTimeOffset.FromUnixTimeSeconds(1701234567)), (saved.Article!.Author, saved.Article.Account, saved.Article.PublishedAt));
        Assert.Equal(["http://mp.weixin.qq.com/s?__biz=MzFpeHR1cmU=&mid=2247480001&idx=1&sn=5aved0b1"], saved.Aliases);
        Assert.Equal("导出工具作者", Record("ExporterFixture02").Article!.Author);
        Assert.Equal(3, Store.ReadAll().Count);

        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(ct);
        var hit = (await client.GetFromJsonAsync<JsonElement>("/search?q=BrowserSavedBodyWord", ct)).GetProperty("hits").EnumerateArray().Single();
        Assert.Equal("https://mp.weixin.qq.com/s/BrowserSavedFixture01", hit.GetProperty("url").GetString());
        Assert.Equal("流计算夜谈", hit.GetProperty("account").GetString());
        Assert.Equal("ok", hit.GetProperty("status").GetString());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/search?q=TitleOnlyBodyWord", ct)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Url_with_several_pages_or_a_missing_path_is_a_usage_error()
    {
        Assert.Equal(2, (await AppProcess.RunAsync(["import", pages, "--url", "https://mp.weixin.qq.com/s/OtherFixture04", "--data-dir", data.Root], TestContext.Current.CancellationToken)).ExitCode);
        Assert.Equal(2, (await AppProcess.RunAsync(["import", Path.Combine(pages, "nope.html"), "--data-dir", data.Root], TestContext.Current.CancellationToken)).ExitCode);
        Assert.Empty(Store.ReadAll());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
