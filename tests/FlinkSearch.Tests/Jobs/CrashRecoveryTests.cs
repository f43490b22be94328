using System.Net.Http.Json;
using System.Text.Json;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Jobs;

public sealed class CrashRecoveryTests
{
    private const string Key = "crash-key";

    [Fact]
    public async Task A_server_killed_during_an_index_build_restarts_on_the_last_complete_generation()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(100);
        var complete = await AppProcess.IndexAsync(data.Root, ct);
        var indexRoot = Path.Combine(data.Root, "index");

        // A list large enough that building it takes seconds, so the kill lands mid-build. Its crawl half writes a
        // failure record per link, which on a busy machine takes a while: hence the long wait for the build to start.
        data.WriteSource("large.md", TestSources.Numbered("large", 20_000, "大列表"));
        // The large list's links point at a closed loopback port that the address guard refuses without a connection,
        // so the crawl half of the run is quick and the kill lands in the index build.
        var environment = new Dictionary<string, string>
        {
            ["Admin__ApiKey"] = Key,
            ["Reindex__OnStart"] = "false",
            ["Crawler__PerHostDelay"] = "00:00:00",
            ["Crawler__MaxConcurrency"] = "16",
            ["Crawler__MaxConcurrencyPerHost"] = "16",
        };
        string[] serve = ["--urls", "http://127.0.0.1:0", "--data-dir", data.Root];

        await using (var server = AppProcess.Start(serve, environment))
        {
            using var client = await server.WaitUntilListeningAsync(ct);
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);
            await Eventually.ReadyAsync(client, ct);
            var started = await client.PostAsync("/admin/reindex", null, ct);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);

            await Eventually.TrueAsync(
                () => Directory.EnumerateDirectories(indexRoot, "gen-*").Any(d => Path.GetFileName(d) != complete), ct, TimeSpan.FromMinutes(3));
            await server.KillAsync();
        }

        Assert.Equal(complete, File.ReadAllText(Path.Combine(indexRoot, "current")).Trim());

        await using (var server = AppProcess.Start(serve, environment))
        {
            using var client = await server.WaitUntilListeningAsync(ct);
            await Eventually.ReadyAsync(client, ct);
            using var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct));

            Assert.Equal(complete, stats.RootElement.GetProperty("generation").GetString());
            Assert.Equal(100, stats.RootElement.GetProperty("documents").GetInt32());
            Assert.Equal([complete], Directory.EnumerateDirectories(indexRoot, "gen-*").Select(Path.GetFileName));
            Assert.Equal("failed", stats.RootElement.GetProperty("lastReindex").GetProperty("state").GetString());
            Assert.Equal("interrupted", stats.RootElement.GetProperty("lastReindex").GetProperty("reason").GetString());
            var hits = await client.GetFromJsonAsync<JsonElement>("/search?q=" + Uri.EscapeDataString("快速"), ct);
            Assert.True(hits.GetProperty("total").GetInt32() > 0);
        }
    }
}
