using FlinkSearch.Importing;
using FlinkSearch.Tests.Crawling;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlinkSearch.Tests.Importing;

/// <summary>The saved pages under <c>Importing/Fixtures/</c> and the source list that names their articles.</summary>
public static class ImportFixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Importing", "Fixtures");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>The listed titles differ from the pages' titles except for the title-only page, which matches by title alone.</summary>
    public const string SourceList = """
        ## 导入

        - [屏障对齐（清单里的标题）](https://mp.weixin.qq.com/s/BrowserSavedFixture01)
        - [增量快照（清单里的标题）](https://mp.weixin.qq.com/s/ExporterFixture02)
        - [Watermark 与乱序数据](https://mp.weixin.qq.com/s/TitleOnlyFixture03)
        - [另一篇文章](https://mp.weixin.qq.com/s/OtherFixture04)
        """;

    /// <summary>Crawl services plus the importer over a test's data dir.</summary>
    public static IHost Host(TempDataDirectory data, IDictionary<string, string?>? settings = null) =>
        CrawlTestHost.Build(data.Root, settings ?? CrawlTestHost.PatientSettings(), services => services.AddSingleton<PageImporter>());

    public static async Task<ImportOutcome> ImportAsync(IHost host, SavedPage page, string? url = null)
    {
        using var session = await host.Services.GetRequiredService<PageImporter>().BeginAsync(TestContext.Current.CancellationToken);
        return await session.ImportAsync(page, url, TestContext.Current.CancellationToken);
    }
}
