using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using FlinkSearch.Api;
using FlinkSearch.Cli;
using FlinkSearch.Jobs;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Jobs;

/// <summary>Two server processes on one data dir, as behind a load balancer on a shared volume.</summary>
public sealed class MultipleServersTests
{
    private const string Label = "快速";

    /// <summary>The quick crawl's settings as environment variables, with a schedule, no start-up run and no rate limit.</summary>
    private static Dictionary<string, string> Environment(string schedule) => new(
        TestSources.QuickCrawl.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value!)))
    {
        ["Reindex__Schedule"] = schedule,
        ["Reindex__OnStart"] = "false",
        ["RateLimiting__Enabled"] = "false",
    };

    [Fact]
    public async Task Both_servers_switch_to_a_cli_reindex_without_a_failed_search()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(5);
        var before = await AppProcess.IndexAsync(data.Root, ct);
        await using var first = await Server.StartAsync(data, Environment(""), ct);
        await using var second = await Server.StartAsync(data, Environment(""), ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var failures = new ConcurrentQueue<string>();
        var answers = new ConcurrentDictionary<(string Server, string Generation, int Total), int>();
        var searchers = new[] { ("first", first), ("second", second) }
            .Select(s => Task.Run(() => s.Item2.SearchUntilAsync(s.Item1, failures, answers, stop.Token)))
            .ToList();
        bool Seen(string server, string generation) => answers.Keys.Any(k => k.Server == server && k.Generation == generation);
        await Eventually.TrueAsync(() => Seen("first", before) && Seen("second", before), ct);

        data.WriteSource("quick.md", TestSources.Numbered(Label, 8));
        var (exit, output) = await AppProcess.RunAsync(["reindex", "--data-dir", data.Root], ct, Environment(""));
        var after = File.ReadAllText(Path.Combine(data.Root, "index", "current")).Trim();
        await Eventually.TrueAsync(() => Seen("first", after) && Seen("second", after), ct, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(searchers);

        Assert.True(exit == ExitCodes.Failed, output); // every page of the quick list fails to crawl, so the verb says 1
        Assert.Contains("8 articles indexed", output, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
        Assert.Empty(failures);
        Assert.Equal(
            [("first", after, 8), ("first", before, 5), ("second", after, 8), ("second", before, 5)],
            answers.Keys.OrderBy(k => k.Server, StringComparer.Ordinal).ThenBy(k => k.Total == 5));
        Assert.Equal(after, (await first.StatsAsync(ct)).GetProperty("generation").GetString());
        Assert.Equal(after, (await second.StatsAsync(ct)).GetProperty("generation").GetString());
    }

    [Fact]
    public async Task Killing_the_schedule_owner_lets_the_other_server_take_over_at_its_next_tick()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(5);
        await AppProcess.IndexAsync(data.Root, ct);
        var everyTwoSeconds = Environment("*/2 * * * * *");
        await using var owner = await Server.StartAsync(data, everyTwoSeconds, ct);
        var ownerSchedule = (await owner.StatsAsync(ct)).GetProperty("schedule");
        await using var other = await Server.StartAsync(data, everyTwoSeconds, ct);
        var otherSchedule = (await other.StatsAsync(ct)).GetProperty("schedule");

        Assert.True(ownerSchedule.GetProperty("thisServer").GetBoolean());
        Assert.Equal(owner.Process.Id, ownerSchedule.GetProperty("owner").GetProperty("pid").GetInt32());
        Assert.False(otherSchedule.GetProperty("thisServer").GetBoolean());
        Assert.Equal(owner.Process.Id, otherSchedule.GetProperty("owner").GetProperty("pid").GetInt32());

        // The other server's ticks go by while the owner runs the schedule.
        await Eventually.TrueAsync(
            () => other.Process.Output.Contains("left to the schedule owner", StringComparison.Ordinal)
                && ScheduledRuns(data).Any(r => r.State == ReindexState.Succeeded), ct, TimeSpan.FromSeconds(60));

        var killedAt = DateTime.UtcNow;
        await owner.Process.KillAsync();
        await Eventually.TrueAsync(
            () => ScheduledRuns(data).Any(r => r.StartedAt > killedAt && r.State == ReindexState.Succeeded), ct, TimeSpan.FromSeconds(60));
        var takenOver = (await other.StatsAsync(ct)).GetProperty("schedule");

        Assert.True(takenOver.GetProperty("thisServer").GetBoolean());
        Assert.Equal(other.Process.Id, takenOver.GetProperty("owner").GetProperty("pid").GetInt32());
        Assert.Contains($"Took over the reindex schedule from {System.Environment.MachineName} pid {owner.Process.Id}", other.Process.Output, StringComparison.Ordinal);
        // No tick of a server that did not own the schedule was recorded as a run refused by the other's lock. Runs end
        // succeeded, skipped by the owner's own overlapping run, or (the one the kill cut off) interrupted.
        Assert.All(ScheduledRuns(data), run => Assert.True(
            run.State is ReindexState.Succeeded or ReindexState.Running or ReindexState.Queued
            || run is { State: ReindexState.Skipped, Errors: ["a reindex was already running"] }
            || run.Reason == ReindexRun.Interrupted,
            JsonSerializer.Serialize(run)));
    }

    private static List<ReindexRun> ScheduledRuns(TempDataDirectory data)
    {
        var path = Path.Combine(data.Root, "jobs", "reindex-runs.json");
        var runs = File.Exists(path) ? JsonSerializer.Deserialize<List<ReindexRun>>(File.ReadAllText(path), JsonSerializerOptions.Web) : null;
        return [.. (runs ?? []).Where(r => r.Trigger == ReindexScheduler.Trigger)];
    }

    /// <summary>A server process on the data dir, listening on a port of the OS's choosing and ready.</summary>
    private sealed class Server(AppProcess process, HttpClient client) : IAsyncDisposable
    {
        public AppProcess Process => process;

        public static async Task<Server> StartAsync(TempDataDirectory data, Dictionary<string, string> environment, CancellationToken ct)
        {
            var process = AppProcess.Start(["--urls", "http://127.0.0.1:0", "--data-dir", data.Root], environment);
            var client = await process.WaitUntilListeningAsync(ct);
            await Eventually.ReadyAsync(client, ct);
            return new Server(process, client);
        }

        public async Task<JsonElement> StatsAsync(CancellationToken ct) => await client.GetFromJsonAsync<JsonElement>("/stats", ct);

        /// <summary>Searches until stopped, counting answers by generation and total; anything but a 200 is a failure.</summary>
        public async Task SearchUntilAsync(
            string name, ConcurrentQueue<string> failures, ConcurrentDictionary<(string, string, int), int> answers, CancellationToken stop)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                // Sizes vary so that most searches miss the output cache and run on the index.
                try
                {
                    using var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(Label)}&size={1 + (n % 50)}", CancellationToken.None);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.Enqueue($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                        continue;
                    }

                    var generation = response.Headers.GetValues(SearchApi.GenerationHeader).Single();
                    var total = (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("total").GetInt32();
                    answers.AddOrUpdate((name, generation, total), 1, (_, count) => count + 1);
                }
                catch (HttpRequestException e)
                {
                    failures.Enqueue($"{name}: {e.Message}");
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await process.DisposeAsync();
        }
    }
}
