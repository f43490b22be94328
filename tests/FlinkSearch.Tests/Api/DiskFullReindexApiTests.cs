using System.Net;
using System.Net.Http.Json;
using FlinkSearch.Api;
using FlinkSearch.Jobs;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Api;

/// <summary>A reindex refused for want of space: recorded as failed with reason disk-full while the server keeps answering.</summary>
public sealed class DiskFullReindexApiTests : IDisposable
{
    private const string Key = "disk-key";
    private readonly TempDataDirectory data = TestSources.Quick(5);

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task A_reindex_with_less_free_space_than_Index_MinFreeSpace_fails_as_disk_full_and_search_goes_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var served = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(5))).Generation;
        await using var app = new FlinkSearchApp(data, new Dictionary<string, string?>(TestSources.QuickCrawl)
        {
            ["Admin:ApiKey"] = Key,
            ["Reindex:OnStart"] = "false",
            ["Index:MinFreeSpace"] = "4000000 TB", // more than any disk has free
        });
        var client = await app.StartAsync(ct);
        client.DefaultRequestHeaders.Add(AdminApi.ApiKeyHeader, Key);
        var crawlFiles = Directory.Exists(Path.Combine(data.Root, "crawl")) ? Directory.GetFiles(Path.Combine(data.Root, "crawl")).Length : 0;

        var accepted = await (await client.PostAsync("/admin/reindex", null, ct)).Content.ReadFromJsonAsync<ReindexAccepted>(ct);
        var run = await AdminApiTests.WaitForEnd(client, accepted!.Id, ct);

        Assert.Equal(ReindexState.Failed, run.State);
        Assert.Equal(DiskFullException.Reason, run.Reason);
        Assert.Contains(run.Errors, e => e.StartsWith(DiskFullException.Reason + ":", StringComparison.Ordinal) && e.Contains("Index:MinFreeSpace", StringComparison.Ordinal));
        Assert.Equal(0, run.Counts.Fetched + run.Counts.Failed); // refused before the crawl wrote anything
        Assert.Equal(crawlFiles, Directory.Exists(Path.Combine(data.Root, "crawl")) ? Directory.GetFiles(Path.Combine(data.Root, "crawl")).Length : 0);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=" + Uri.EscapeDataString("检查点"), ct)).StatusCode);
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready", ct));
        Assert.Equal(served, new FlinkSearch.Indexing.IndexGenerations(new DataDirectory(data.Root), TimeProvider.System).Current);
    }
}
