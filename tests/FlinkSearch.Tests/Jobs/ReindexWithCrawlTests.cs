using System.Net.Http.Json;
using System.Text.Json;
using FlinkSearch.Api;
using FlinkSearch.Jobs;
using FlinkSearch.Tests.Crawling;
using FlinkSearch.Tests.Api;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Jobs;

public sealed class ReindexWithCrawlTests : IAsyncLifetime
{
    private const string Key = "crawl-key";
    private readonly TempDataDirectory data = new(withSeed: false);
    private FixtureSite site = null!;

    public async ValueTask InitializeAsync()
    {
        site = await FixtureSite.StartAsync();
        WriteFixtureList(data, site);
    }

    /// <summary>Four articles on the fixture site: two that answer with a body, one deleted, one missing.</summary>
    internal static void WriteFixtureList(TempDataDirectory data, FixtureSite site) => data.WriteSource("fixtures.md",
        $"## 夹具\n\n- [稳定的文章]({site.Url("/s/stable")})\n- [国标编码的页面]({site.Url("/s/gbk")})\n- [会被删除]({site.Url("/s/deleted")})\n- [不存在]({site.Url("/s/missing")})\n");

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        data.Dispose();
    }

    private Dictionary<string, string?> Settings(bool onStart)
    {
        var settings = CrawlTestHost.FastSettings();
        settings["Reindex:OnStart"] = onStart ? "true" : "false";
        settings["Admin:ApiKey"] = Key;
        return settings;
    }

    [Fact]
    public async Task A_fresh_start_crawls_by_itself_once_the_catalog_index_serves()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new FlinkSearchApp(data, Settings(onStart: true));
        var client = await app.StartAsync(ct);
        var coordinator = app.Services.GetRequiredService<ReindexCoordinator>();

        await Eventually.TrueAsync(() => coordinator.Latest is { Trigger: ReindexOnStart.Trigger } run && ReindexState.IsFinished(run.State), ct);

        var run = coordinator.Latest!;
        Assert.Equal(ReindexOnStart.Trigger, run.Trigger);
        Assert.Equal(ReindexState.Succeeded, run.State);
        using var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct));
        Assert.Equal(4, stats.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(3, stats.RootElement.GetProperty("crawled").GetInt32());
        var hits = await client.GetFromJsonAsync<JsonElement>("/search?q=StableBodyWord", ct);
        Assert.Equal(1, hits.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_admin_run_reports_crawl_counts_and_failures_by_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new FlinkSearchApp(data, Settings(onStart: false));
        var client = await app.StartAsync(ct);
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var accepted = await (await client.PostAsync("/admin/reindex", null, ct)).Content.ReadFromJsonAsync<ReindexAccepted>(ct);
        var run = await AdminApiTests.WaitForEnd(client, accepted!.Id, ct);

        Assert.Equal(ReindexState.Succeeded, run.State);
        Assert.Equal(new ReindexCounts(Fetched: 3, Unchanged: 0, Failed: 1, Indexed: 4), run.Counts);
        Assert.Equal(new Dictionary<string, int> { ["http-404"] = 1 }, run.Failures);
        Assert.Equal($"http-404: {site.Url("/s/missing")}", Assert.Single(run.Errors));

        // The second run finds the stable page unchanged (conditional GET) and still switches generations.
        var again = await client.PostAsync("/admin/reindex", null, ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, again.StatusCode);
        var second = await AdminApiTests.WaitForEnd(client, (await again.Content.ReadFromJsonAsync<ReindexAccepted>(ct))!.Id, ct);
        Assert.Equal(ReindexState.Succeeded, second.State);
        Assert.True(second.Counts.Unchanged >= 1, $"unchanged {second.Counts.Unchanged}");
        Assert.NotEqual(run.Generation, second.Generation);
    }

    [Fact]
    public async Task The_reindex_verb_runs_the_same_pipeline_and_records_the_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = Settings(onStart: false).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

        var (exit, output) = await AppProcess.RunAsync(["reindex", "--data-dir", data.Root], ct, environment);

        Assert.True(exit == 1, output); // one of the four pages fails: exit 1 with the summary
        Assert.Contains("3 fetched, 0 unchanged, 1 failed (http-404 1)", output, StringComparison.Ordinal);
        Assert.Contains("4 articles indexed", output, StringComparison.Ordinal);
        var runs = JsonDocument.Parse(File.ReadAllText(Path.Combine(data.Root, "jobs", "reindex-runs.json")));
        Assert.Equal("succeeded", runs.RootElement[0].GetProperty("state").GetString());
        Assert.Equal("cli", runs.RootElement[0].GetProperty("trigger").GetString());
    }
}
