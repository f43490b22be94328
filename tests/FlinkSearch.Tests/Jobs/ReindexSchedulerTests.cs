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
}
