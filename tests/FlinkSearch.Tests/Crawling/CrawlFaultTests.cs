using FlinkSearch.Crawling;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FlinkSearch.Tests.Crawling;

/// <summary>A crawl store on a disk that fills up, and records damaged on disk: the good copies are what survives.</summary>
public sealed class CrawlFaultTests : IAsyncLifetime
{
    private readonly SmallDisk disk = SmallDisk.Create(megabytes: 8, TestContext.Current.TestOutputHelper);
    private TempDataDirectory data = null!;
    private FixtureSite site = null!;
    private IHost host = null!;

    public async ValueTask InitializeAsync()
    {
        data = new TempDataDirectory(withSeed: false, parent: disk.Root);
        site = await FixtureSite.StartAsync();
        data.WriteSource("fixtures.md", site.SourceList());
        host = CrawlTestHost.Build(data.Root, configure: services =>
        {
            services.AddFakeLogging();
            services.AddSingleton(sp => new CrawlStore(sp.GetRequiredService<DataDirectory>(), sp.GetRequiredService<ILogger<CrawlStore>>(), disk.CrawlFiles));
        });
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await site.DisposeAsync();
        data.Dispose();
        disk.Dispose();
    }

    private CrawlStore Store => host.Services.GetRequiredService<CrawlStore>();

    private Task<CrawlSummary> CrawlAsync() =>
        host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, TestContext.Current.CancellationToken);

    private Dictionary<string, byte[]> StoreFiles() =>
        Directory.EnumerateFiles(Store.Root).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public async Task A_crawl_that_runs_out_of_space_fails_as_disk_full_keeps_every_good_copy_and_succeeds_once_space_is_back()
    {
        var first = await CrawlAsync();
        var before = StoreFiles();
        Assert.Equal(first.Total, before.Count(f => f.Key.EndsWith(".json", StringComparison.Ordinal)));
        site.Round = 2; // a changed page and new failures: the second crawl has records to write
        disk.FillLeaving(0);

        var error = await Assert.ThrowsAsync<DiskFullException>(CrawlAsync);

        Assert.StartsWith(DiskFullException.Reason + ":", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, StoreFiles()); // byte for byte, and no temp file left beside them

        disk.Free();
        var second = await CrawlAsync();
        Assert.Equal(first.Total, second.Total);
        Assert.Contains("SecondVersionWord", Store.ReadAll().Values.Single(r => r.Url == site.Url("/s/changing").ToString()).Article!.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Kinds => Damage.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_damaged_record_makes_only_its_article_uncrawled_with_a_warning_and_the_next_crawl_rewrites_it(string kind)
    {
        await CrawlAsync();
        var records = Store.ReadAll();
        var victim = records.Values.Single(r => r.Url == site.Url("/s/stable").ToString());
        Damage.Apply(kind, Store.PathOf(victim.Id));

        var after = Store.ReadAll();

        Assert.Equal(records.Keys.Except([victim.Id]).Order(), after.Keys.Order());
        Assert.Null(Store.TryRead(victim.Id));
        var warnings = host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(r => r.Level == LogLevel.Warning);
        Assert.Contains(warnings, r => r.Message.Contains(Store.PathOf(victim.Id), StringComparison.Ordinal));

        await CrawlAsync();
        Assert.Equal(victim.Article, Store.TryRead(victim.Id)!.Article);
    }
}
