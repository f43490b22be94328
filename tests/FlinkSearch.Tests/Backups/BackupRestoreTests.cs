using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlinkSearch.Jobs;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.Tests.Backups;

/// <summary>
/// Backups taken from a live data dir and restored elsewhere. The article site is a loopback app whose <c>/s/gate</c>
/// answers only once the test opens the gate, which holds a reindex in its crawl for as long as the test needs.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private const string Key = "backup-key";
    private static readonly string[] Queries = ["checkpoint", "状态", "GateBodyWord", "水位线", "zzqqnothing"];

    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly TempDataDirectory restored = new(withSeed: false);
    private readonly string scratch = Directory.CreateTempSubdirectory("flinksearch-backup-").FullName;
    private TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication site = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        site = builder.Build();
        site.MapGet("/s/{name}", async (string name) =>
        {
            if (name == "gate")
            {
                await gate.Task;
            }

            return Results.Content(Page(name), "text/html; charset=utf-8");
        });
        await site.StartAsync(Cancellation);
        var root = new Uri(site.Urls.First());
        data.WriteSource("backup.md", $"""
            ## 状态
            - [Checkpoint 与状态后端]({new Uri(root, "/s/checkpoint")})
            - [水位线的传播]({new Uri(root, "/s/watermark")})
            - [被拦住的文章]({new Uri(root, "/s/gate")})
            """);
        Directory.Delete(restored.Root, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        gate.TrySetResult();
        await site.DisposeAsync();
        data.Dispose();
        restored.Dispose();
        Directory.Delete(scratch, recursive: true);
    }

    private static string Page(string name) => $"""
        <!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="{name}"></head>
        <body><h1 id="activity-name">{name}</h1><a id="js_name">备份夹具</a>
        <div id="js_content"><p>{(name == "gate" ? "GateBodyWord 与水位线" : "Checkpoint 把状态写进状态后端，水位线推进事件时间。")}</p></div></body></html>
        """;

    private FlinkSearchApp NewApp(TempDataDirectory dir) => new(dir, new Dictionary<string, string?>
    {
        ["Admin:ApiKey"] = Key,
        ["OutputCache:Duration"] = "00:00:00",
        ["Crawler:AllowPrivateNetworks"] = "true",
        ["Crawler:PerHostDelay"] = "00:00:00",
        ["Crawler:AttemptTimeout"] = "00:01:00",
        ["Crawler:RequestTimeout"] = "00:02:00",
    });

    private static async Task<HttpClient> StartAsync(FlinkSearchApp app)
    {
        var client = await app.StartAsync(Cancellation);
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    /// <summary>Every query's answer without its timing: what a restored server must repeat exactly.</summary>
    private static async Task<string> AnswersAsync(HttpClient client)
    {
        var answers = new JsonArray();
        foreach (var query in Queries)
        {
            var answer = JsonNode.Parse(await client.GetStringAsync($"/search?q={Uri.EscapeDataString(query)}&size=50", Cancellation))!.AsObject();
            answer.Remove("tookMs");
            answers.Add(answer);
        }

        return answers.ToJsonString();
    }

    private static async Task<ReindexRun> FinishedAsync(FlinkSearchApp app, string id)
    {
        var coordinator = app.Services.GetRequiredService<ReindexCoordinator>();
        await Eventually.TrueAsync(() => coordinator.Find(id) is { } run && ReindexState.IsFinished(run.State), Cancellation, TimeSpan.FromSeconds(60));
        return coordinator.Find(id)!;
    }

    [Fact]
    public async Task A_backup_taken_during_a_running_reindex_restores_to_a_data_dir_that_serves_the_same_answers()
    {
        await using var app = NewApp(data);
        var client = await StartAsync(app);
        var coordinator = app.Services.GetRequiredService<ReindexCoordinator>();
        gate.SetResult();
        Assert.Equal(ReindexState.Succeeded, (await FinishedAsync(app, coordinator.TryStart("test")!.Id)).State);
        var hiddenId = (await FlinkSearchApp.GetJsonAsync<JsonElement>(client, "/search?q=GateBodyWord", Cancellation)).GetProperty("hits")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/admin/articles/{hiddenId}/hidden", new { reason = "作者要求撤下" }, Cancellation)).StatusCode);

        // The next run's crawl waits at the gate while the backup is taken by another process.
        gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = coordinator.TryStart("test", full: true)!;
        var expected = await AnswersAsync(client);
        await app.Services.GetRequiredService<FlinkSearch.Analytics.SearchAnalytics>().FlushAsync(Cancellation);
        var archive = Path.Combine(scratch, "live.tar.gz");
        var (exit, output) = await AppProcess.RunAsync(["backup", archive, "--data-dir", data.Root], Cancellation);
        Assert.True(exit == 0, output);
        Assert.True(coordinator.IsRunning, "the reindex ended before the backup was taken");
        gate.SetResult();
        await FinishedAsync(app, running.Id);

        var (restoreExit, restoreOutput) = await AppProcess.RunAsync(["restore", archive, "--data-dir", restored.Root], Cancellation);
        Assert.True(restoreExit == 0, restoreOutput);
        await using var again = NewApp(restored);
        var restoredClient = await StartAsync(again);

        // Analytics and the run history came along (read before the restored server counts searches of its own).
        using (var stats = JsonDocument.Parse(await restoredClient.GetStringAsync("/stats", Cancellation)))
        {
            Assert.Contains(stats.RootElement.GetProperty("zeroResultQueries").EnumerateArray(), q => q.GetProperty("query").GetString() == "zzqqnothing");
            Assert.Equal(running.Id, stats.RootElement.GetProperty("lastReindex").GetProperty("id").GetString());
        }

        Assert.Equal(expected, await AnswersAsync(restoredClient));
        Assert.Contains("/s/checkpoint", expected);
        Assert.DoesNotContain(hiddenId!, expected);
        var hidden = await FlinkSearchApp.GetJsonAsync<JsonElement>(restoredClient, "/admin/hidden", Cancellation);
        Assert.Equal(hiddenId, hidden[0].GetProperty("id").GetString());
        Assert.Empty(Directory.EnumerateFiles(scratch, "*.tmp-*"));
    }

    [Fact]
    public async Task Post_admin_backup_streams_the_archive_and_it_restores()
    {
        await using var app = NewApp(data);
        var client = await StartAsync(app);
        gate.SetResult();
        var run = app.Services.GetRequiredService<ReindexCoordinator>().TryStart("test")!;
        await FinishedAsync(app, run.Id);
        var expected = await AnswersAsync(client);

        var response = await client.PostAsync("/admin/backup", null, Cancellation);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gzip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/admin/backup", null, Cancellation)).StatusCode);
        var archive = Path.Combine(scratch, "http.tar.gz");
        await File.WriteAllBytesAsync(archive, await response.Content.ReadAsByteArrayAsync(Cancellation), Cancellation);
        Assert.Equal(0, (await AppProcess.RunAsync(["restore", archive, "--data-dir", restored.Root], Cancellation)).ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(data.Root, "index", "current")), File.ReadAllText(Path.Combine(restored.Root, "index", "current")));
        Assert.False(File.Exists(Path.Combine(restored.Root, "index", "previous")));
        await using var again = NewApp(restored);
        Assert.Equal(expected, await AnswersAsync(await StartAsync(again)));
    }

    [Fact]
    public async Task Restore_refuses_a_data_dir_that_is_not_empty_and_names_outside_it()
    {
        var archive = Path.Combine(scratch, "evil.tar.gz");
        await using (var file = File.Create(archive))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        await using (var tar = new TarWriter(gzip))
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "sources/a.md") { DataStream = new MemoryStream("## a\n"u8.ToArray()) }, Cancellation);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "../escaped.txt") { DataStream = new MemoryStream("x"u8.ToArray()) }, Cancellation);
        }

        var (exit, output) = await AppProcess.RunAsync(["restore", archive, "--data-dir", restored.Root], Cancellation);
        Assert.True(exit == 1, output);
        Assert.Contains("outside the data directory", output);
        Assert.False(Directory.Exists(restored.Root));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(restored.Root)!, "escaped.txt")));

        var (busy, busyOutput) = await AppProcess.RunAsync(["restore", archive, "--data-dir", data.Root], Cancellation);
        Assert.True(busy == 1, busyOutput);
        Assert.Contains("is not empty", busyOutput);
        Assert.Equal(2, (await AppProcess.RunAsync(["restore", archive], Cancellation)).ExitCode);
        Assert.Equal(2, (await AppProcess.RunAsync(["restore", Path.Combine(scratch, "missing.tar.gz"), "--data-dir", restored.Root], Cancellation)).ExitCode);
    }
}
