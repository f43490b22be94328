using FlinkSearch.Jobs;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Jobs;

/// <summary>
/// Two hosts on one data dir in this process (flock treats each open file as its own holder, as across processes),
/// on one fake clock: only the schedule owner's ticks run or record anything. A killed owner: <see cref="MultipleServersTests"/>.
/// </summary>
public sealed class ScheduleOwnershipTests
{
    // 23:30 in Shanghai is 15:30 UTC.
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstTick = Start.AddMinutes(30);
    private const string Key = "schedule-key";

    private static FlinkSearchApp Server(TempDataDirectory data, TimeProvider time, bool onStart = false) => new(
        data,
        new Dictionary<string, string?>(TestSources.QuickCrawl)
        {
            ["Reindex:Schedule"] = "30 23 * * *", ["Reindex:TimeZone"] = "Asia/Shanghai", ["Reindex:OnStart"] = onStart ? "true" : "false",
            ["Admin:ApiKey"] = Key,
        },
        services => services.AddSingleton<TimeProvider>(time));

    private static List<ReindexRun> Runs(FlinkSearchApp app, string trigger) =>
        [.. app.Services.GetRequiredService<ReindexHistory>().All.Where(r => r.Trigger == trigger)];

    private static bool IsFree(string lockPath)
    {
        using var probe = FileLock.TryAcquire(lockPath);
        return probe is not null;
    }

    /// <summary>Waits until the scheduler waits for <paramref name="next"/> and every run is over, also in the history file (written just after).</summary>
    private static Task SettledAsync(FlinkSearchApp app, DateTimeOffset next, CancellationToken ct) => Eventually.TrueAsync(
        () => app.Services.GetRequiredService<ReindexScheduler>().NextRun == next && !app.Services.GetRequiredService<ReindexCoordinator>().IsRunning
            && Runs(app, ReindexScheduler.Trigger).All(r => ReindexState.IsFinished(r.State)), ct);

    [Fact]
    public async Task Only_the_owner_runs_a_tick_and_after_it_stops_the_other_takes_over_at_its_next_tick()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(5);
        var time = new FakeTimeProvider(Start);
        await using var first = Server(data, time);
        await first.StartAsync(ct);
        await using var second = Server(data, time);
        var secondClient = await second.StartAsync(ct);
        secondClient.DefaultRequestHeaders.Add(FlinkSearch.Api.AdminApi.ApiKeyHeader, Key);
        var firstOwnership = first.Services.GetRequiredService<ScheduleOwnership>();
        var secondOwnership = second.Services.GetRequiredService<ScheduleOwnership>();
        await SettledAsync(first, FirstTick, ct);
        await SettledAsync(second, FirstTick, ct);

        Assert.True(firstOwnership.IsOwner);
        Assert.False(secondOwnership.IsOwner);
        Assert.Equal(Environment.ProcessId, secondOwnership.Owner!.Pid);
        Assert.Equal(Start, secondOwnership.Owner.Since);
        var console = await secondClient.GetStringAsync("/admin/console/reindexes", ct);
        Assert.Contains($"定时重建由 {Environment.MachineName} 的进程 {Environment.ProcessId} 运行", console, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(30));
        await SettledAsync(first, FirstTick.AddDays(1), ct);
        await SettledAsync(second, FirstTick.AddDays(1), ct);
        var run = Assert.Single(Runs(second, ReindexScheduler.Trigger));
        Assert.Equal(ReindexState.Succeeded, run.State);

        // A stopping owner lets go of the schedule and of its entry; the other's next tick takes both.
        // The host is disposed by its entry point's thread, which may finish after DisposeAsync returns.
        await first.DisposeAsync();
        await Eventually.TrueAsync(() => secondOwnership.Owner is null && IsFree(secondOwnership.LockPath), ct);
        time.Advance(TimeSpan.FromDays(1));
        await SettledAsync(second, FirstTick.AddDays(2), ct);

        Assert.True(secondOwnership.IsOwner);
        Assert.Equal(FirstTick.AddDays(1), secondOwnership.Owner!.Since);
        Assert.Equal([ReindexState.Succeeded, ReindexState.Succeeded], Runs(second, ReindexScheduler.Trigger).Select(r => r.State));
    }

    [Fact]
    public async Task A_server_starting_next_to_the_owner_leaves_the_first_crawl_to_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(5);
        var time = new FakeTimeProvider(Start);
        await using var owner = Server(data, time);
        await owner.StartAsync(ct);
        await using var other = Server(data, time, onStart: true);
        await other.StartAsync(ct);

        // Nothing is crawled yet, so only ownership keeps the second server from starting a run of its own.
        var onStart = other.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ReindexOnStart>().Single();
        await onStart.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), ct);

        Assert.True(owner.Services.GetRequiredService<ScheduleOwnership>().IsOwner);
        Assert.False(other.Services.GetRequiredService<ScheduleOwnership>().IsOwner);
        Assert.Empty(other.Services.GetRequiredService<ReindexHistory>().All);
    }

    [Theory]
    [InlineData("0 3 * * *", 0, 3, 0, 0)] // five fields: minute first
    [InlineData("*/2 * * * * *", 0, 0, 0, 2)] // six: seconds first
    public void A_schedule_of_six_fields_counts_seconds(string schedule, int days, int hours, int minutes, int seconds)
    {
        var options = new ReindexOptions { Schedule = schedule, TimeZone = "UTC" };
        var midnight = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True(new ReindexOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(midnight + new TimeSpan(days, hours, minutes, seconds), options.ParsedSchedule()!.GetNextOccurrence(midnight, options.ParsedTimeZone()));
    }

    [Fact]
    public void A_schedule_of_seven_fields_is_refused_on_start_with_what_is_allowed()
    {
        var result = new ReindexOptionsValidator().Validate(null, new ReindexOptions { Schedule = "0 0 3 * * * *" });

        Assert.True(result.Failed);
        Assert.Contains("five fields, or six with seconds first", result.FailureMessage, StringComparison.Ordinal);
    }
}
