using System.Net.Http.Json;
using System.Text.Json;
using FlinkSearch.Api;
using FlinkSearch.Cli;
using FlinkSearch.Jobs;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Api;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Jobs;

public sealed class ReindexHistoryTests
{
    private const string Key = "history-key";

    [Fact]
    public async Task A_cli_reindex_next_to_a_server_and_the_servers_own_runs_all_stay_in_the_history()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(5);
        await using var app = new FlinkSearchApp(data, new Dictionary<string, string?>(TestSources.QuickCrawl) { ["Admin:ApiKey"] = Key });
        var client = await app.StartAsync(ct);
        client.DefaultRequestHeaders.Add(AdminApi.ApiKeyHeader, Key);

        var before = await RunOnServer(client, ct);
        var environment = TestSources.QuickCrawl.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        var (exit, output) = await AppProcess.RunAsync(["reindex", "--data-dir", data.Root], ct, environment);
        using var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct));
        var fromCli = stats.RootElement.GetProperty("lastReindex");
        var after = await RunOnServer(client, ct);

        Assert.True(exit == ExitCodes.Failed, output); // every page of the quick list fails, so the verb says 1
        Assert.Equal("cli", fromCli.GetProperty("trigger").GetString());
        var history = JsonDocument.Parse(File.ReadAllText(Path.Combine(data.Root, "jobs", "reindex-runs.json"))).RootElement;
        Assert.Equal(
            [after.Id, fromCli.GetProperty("id").GetString()!, before.Id],
            history.EnumerateArray().Select(run => run.GetProperty("id").GetString()!));
        Assert.All(history.EnumerateArray(), run => Assert.Equal(ReindexState.Succeeded, run.GetProperty("state").GetString()));
    }

    [Fact]
    public void A_run_cut_off_by_a_restart_is_recorded_as_failed_once_however_often_the_server_starts_again()
    {
        using var data = TestSources.Quick(1);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 19, 0, 0, TimeSpan.Zero));
        ReindexHistory Process() => new(new DataDirectory(data.Root), Options.Create(new ReindexOptions()), time);
        var cutOff = ReindexRun.Queue("schedule", time.GetUtcNow().UtcDateTime) with { State = ReindexState.Running, StartedAt = time.GetUtcNow().UtcDateTime };
        Process().Save(cutOff); // the process that ran it dies here

        time.Advance(TimeSpan.FromMinutes(5));
        var recorded = Assert.Single(Process().All);
        time.Advance(TimeSpan.FromMinutes(5));
        var restartedAgain = Assert.Single(Process().All);

        Assert.Equal(ReindexState.Failed, recorded.State);
        Assert.Equal(ReindexRun.Interrupted, recorded.Reason);
        Assert.Equal(cutOff.StartedAt!.Value.AddMinutes(5), recorded.EndedAt);
        Assert.Single(recorded.Errors);
        Assert.Equivalent(recorded, restartedAgain, strict: true);
    }

    private static async Task<ReindexRun> RunOnServer(HttpClient client, CancellationToken ct)
    {
        var accepted = await (await client.PostAsync("/admin/reindex", null, ct)).Content.ReadFromJsonAsync<ReindexAccepted>(ct);
        return await AdminApiTests.WaitForEnd(client, accepted!.Id, ct);
    }
}
