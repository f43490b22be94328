using FlinkSearch.Jobs;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Jobs;

public sealed class ReindexSchedulerTests
{
    // 23:30 in Shanghai is 15:30 UTC; the day boundary in Shanghai falls between two ticks.
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    private static FlinkSearchApp App(TempDataDirectory data, FakeTimeProvider time, string schedule) => new(
        data,
        new Dictionary<string, string?>(TestSources.QuickCrawl) { ["Reindex:Schedule"] = schedule, ["Reindex:TimeZone"] = "Asia/Shanghai" },
        services => services.AddSingleton<TimeProvider>(time));

    [Fact]
    public async Task Schedule_fires_at_local_times_across_the_day_boundary()
    {
        using var data = TestSources.Quick(20);
        var time = new FakeTimeProvider(Start);
        await using var app = App(data, time, "30 23 * * *");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var scheduler = app.Services.GetRequiredService<ReindexScheduler>();

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 15, 30, 0, TimeSpan.Zero), scheduler.NextOccurrence(Start));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.Zero), scheduler.NextOccurrence(Start.AddMinutes(31)));
        // 00:15 in Shanghai is still the previous day in UTC.
        var afterMidnight = new DateTimeOffset(2026, 11, 26, 16, 15, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.Zero), scheduler.NextOccurrence(afterMidnight));
    }

    [Fact]
    public async Task A_tick_starts_a_run_and_a_tick_during_a_long_run_is_skipped()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(20);
        var time = new FakeTimeProvider(Start);
        await using var app = App(data, time, "30 23 * * *");
        await app.StartAsync(ct);
        var coordinator = app.Services.GetRequiredService<ReindexCoordinator>();
        var history = app.Services.GetRequiredService<ReindexHistory>();
        var scheduler = app.Services.GetRequiredService<ReindexScheduler>();
        using var gate = new BlockingSourceFile(data.SourcesPath);

        await Eventually.TrueAsync(() => scheduler.NextRun == Start.AddMinutes(30), ct);
        time.Advance(TimeSpan.FromMinutes(30));
        await Eventually.TrueAsync(() => coordinator.IsRunning, ct);
        var first = coordinator.Latest!;
        Assert.Equal(ReindexScheduler.Trigger, first.Trigger);

        // The next day's tick comes while the first run is still blocked reading its sources.
        await Eventually.TrueAsync(() => scheduler.NextRun == Start.AddMinutes(30).AddDays(1), ct);
        time.Advance(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(() => history.All.Any(r => r.State == ReindexState.Skipped), ct);
        Assert.True(coordinator.IsRunning);
        Assert.Equal(first.Id, coordinator.Latest!.Id);

        gate.Release();
        await Eventually.TrueAsync(() => !coordinator.IsRunning, ct);
        Assert.Equal(ReindexState.Succeeded, coordinator.Find(first.Id)!.State);
        Assert.Single(history.All, r => r.State == ReindexState.Succeeded);
    }

    // 03:00 in Shanghai is 19:00 UTC the day before.
    private static readonly DateTimeOffset ThreeOClock = new(2026, 11, 26, 19, 0, 0, TimeSpan.Zero);

    /// <summary>A server on a daily 03:00 schedule, its scheduler waiting for the first occurrence.</summary>
    private sealed class ScheduledServer(TempDataDirectory data, WallClock clock) : IAsyncDisposable
    {
        private readonly FlinkSearchApp app = new(
            data,
            new Dictionary<string, string?>(TestSources.QuickCrawl) { ["Reindex:Schedule"] = "0 3 * * *", ["Reindex:TimeZone"] = "Asia/Shanghai" },
            services => services.AddSingleton<TimeProvider>(clock));

        public ReindexScheduler Scheduler => app.Services.GetRequiredService<ReindexScheduler>();

        public List<ReindexRun> ScheduledRuns =>
            [.. app.Services.GetRequiredService<ReindexHistory>().All.Where(r => r.Trigger == ReindexScheduler.Trigger)];

        public async Task StartAsync(CancellationToken ct)
        {
            await app.StartAsync(ct);
            await Eventually.TrueAsync(() => Scheduler.NextRun == ThreeOClock, ct);
        }

        /// <summary>Waits until the scheduler waits for <paramref name="next"/> with no run going.</summary>
        public Task SettledAsync(DateTimeOffset next, CancellationToken ct) =>
            Eventually.TrueAsync(() => Scheduler.NextRun == next && !app.Services.GetRequiredService<ReindexCoordinator>().IsRunning, ct);

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    [Fact]
    public async Task A_clock_set_back_after_a_run_does_not_fire_that_day_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(5);
        var clock = new WallClock(ThreeOClock.AddMinutes(-30));
        await using var server = new ScheduledServer(data, clock);
        await server.StartAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(30));
        await server.SettledAsync(ThreeOClock.AddDays(1), ct);

        // The clock is set back an hour; a day of waiting later it reads 02:00, an hour short of the next run.
        clock.Set(TimeSpan.FromHours(-1));
        var timers = clock.TimersCreated;
        clock.Advance(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(() => clock.TimersCreated > timers, ct);
        Assert.Single(server.ScheduledRuns);

        clock.Advance(TimeSpan.FromHours(1));
        await server.SettledAsync(ThreeOClock.AddDays(2), ct);
        var runs = server.ScheduledRuns;
        Assert.Equal(2, runs.Count);
        Assert.Equal(ThreeOClock.AddDays(1).UtcDateTime, runs[0].StartedAt);
    }

    [Fact]
    public async Task A_clock_set_forward_past_the_run_fires_it_once_and_keeps_the_next_day()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(5);
        var clock = new WallClock(ThreeOClock.AddHours(-2));
        await using var server = new ScheduledServer(data, clock);
        await server.StartAsync(ct);

        // Set forward three days at 01:00: the 03:00 run, due two hours of waiting later, comes then, once.
        clock.Set(TimeSpan.FromDays(3));
        clock.Advance(TimeSpan.FromHours(2));
        await server.SettledAsync(ThreeOClock.AddDays(4), ct);

        var run = Assert.Single(server.ScheduledRuns);
        Assert.Equal(ThreeOClock.AddDays(3).UtcDateTime, run.StartedAt);
    }
}
