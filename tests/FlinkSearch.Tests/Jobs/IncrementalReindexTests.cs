using System.Net.Http.Json;
using FlinkSearch.Api;
using FlinkSearch.Jobs;
using FlinkSearch.Tests.Api;
using FlinkSearch.Tests.Crawling;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Jobs;

public sealed class IncrementalReindexTests : IAsyncLifetime
{
    private const string Key = "incremental-key";
    private readonly TempDataDirectory data = new(withSeed: false);
    private FixtureSite site = null!;

    public async ValueTask InitializeAsync()
    {
        site = await FixtureSite.StartAsync();
        ReindexWithCrawlTests.WriteFixtureList(data, site);
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        data.Dispose();
    }

    // The crawl's own "unchanged" (a 304 or the same content) leaves every input of a document as it was, crawl time and
    // status included, so a reindex that finds nothing new carries every document over.
    [Fact]
    public async Task A_reindex_whose_crawl_finds_nothing_new_carries_every_article_over_and_full_true_rewrites_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = CrawlTestHost.FastSettings();
        settings["Admin:ApiKey"] = Key;
        await using var app = new FlinkSearchApp(data, settings);
        var client = await app.StartAsync(ct);
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var first = await RunAsync(client, "/admin/reindex", ct);
        var second = await RunAsync(client, "/admin/reindex", ct);
        var full = await RunAsync(client, "/admin/reindex?full=true", ct);

        Assert.Equal("incremental: 1 carried over, 3 updated, 0 added, 0 removed", first.Build); // three pages got bodies or failures
        Assert.True(second.Counts.Unchanged >= 1, $"unchanged {second.Counts.Unchanged}");
        Assert.Equal("incremental: 4 carried over, 0 updated, 0 added, 0 removed", second.Build);
        Assert.Equal("full (a full build was asked for)", full.Build);
        Assert.Equal(4, full.Counts.Indexed);
    }

    private static async Task<ReindexRun> RunAsync(HttpClient client, string path, CancellationToken ct)
    {
        var accepted = await (await client.PostAsync(path, null, ct)).Content.ReadFromJsonAsync<ReindexAccepted>(ct);
        var run = await AdminApiTests.WaitForEnd(client, accepted!.Id, ct);
        Assert.Equal(ReindexState.Succeeded, run.State);
        return run;
    }
}
