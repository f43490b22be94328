using System.Text.Json;
using FlinkSearch.Analytics;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Analytics;

public sealed class SearchAnalyticsTests : IDisposable
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero));

    private SearchAnalytics NewAnalytics(TimeSpan? retention = null) => new(
        new AnalyticsDatabase(new DataDirectory(data.Root)),
        Options.Create(new AnalyticsOptions { Retention = retention ?? TimeSpan.FromDays(90) }),
        clock,
        NullLogger<SearchAnalytics>.Instance);

    [Fact]
    public async Task Counts_survive_a_restart_and_expire_after_the_retention()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = NewAnalytics();
        first.Record("Checkpoint", 12, TimeSpan.FromMilliseconds(2));
        first.Record("  checkpoint ", 12, TimeSpan.FromMilliseconds(3));
        first.Record("无此词", 0, TimeSpan.FromMilliseconds(1));
        await first.FlushAsync(ct);
        first.Dispose();
        SqliteConnection.ClearAllPools();

        clock.Advance(TimeSpan.FromDays(89));
        var restarted = NewAnalytics();
        var since = clock.GetUtcNow().AddDays(-365);
        Assert.Equal([new QueryCount("checkpoint", 2), new QueryCount("无此词", 1)], restarted.TopQueries(since, 10));
        Assert.Equal([new QueryCount("无此词", 1)], restarted.TopQueries(since, 10, zeroResultsOnly: true));

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty(restarted.TopQueries(since, 10));
        await restarted.FlushAsync(ct);
        Assert.Equal(0, RowCount("searches") + RowCount("latency"));
    }

    [Fact]
    public async Task Searches_are_counted_per_hour_with_zero_results_apart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var analytics = NewAnalytics();
        analytics.Record("flink", 40, TimeSpan.FromMilliseconds(1));
        clock.Advance(TimeSpan.FromHours(1));
        analytics.Record("flink", 40, TimeSpan.FromMilliseconds(1));
        analytics.Record("nothing", 0, TimeSpan.FromMilliseconds(1));
        await analytics.FlushAsync(ct);

        var hours = analytics.Hourly(clock.GetUtcNow().AddDays(-1));

        Assert.Equal(2, hours.Count);
        Assert.Equal((1, 0), (hours[0].Searches, hours[0].ZeroResults));
        Assert.Equal((2, 1), (hours[1].Searches, hours[1].ZeroResults));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), hours[1].Hour);
        Assert.Equal(3, analytics.SearchesSince(clock.GetUtcNow().AddDays(-1)));
    }

    [Fact]
    public async Task Percentiles_come_from_the_latency_histogram()
    {
        var ct = TestContext.Current.CancellationToken;
        using var analytics = NewAnalytics();
        for (var i = 0; i < 98; i++)
        {
            analytics.Record("fast", 5, TimeSpan.FromMilliseconds(2));
        }

        analytics.Record("slow", 5, TimeSpan.FromMilliseconds(400));
        analytics.Record("slow", 5, TimeSpan.FromMilliseconds(400));
        await analytics.FlushAsync(ct);

        var summary = Assert.Single(analytics.Latency(clock.GetUtcNow().AddDays(-1), perDay: false));

        Assert.Equal(100, summary.Searches);
        Assert.InRange(summary.P50Ms, 2, 2 * 1.25);
        Assert.InRange(summary.P99Ms, 400, 400 * 1.25);
    }

    [Fact]
    public async Task The_database_holds_query_text_counts_and_times_only()
    {
        using var analytics = NewAnalytics();
        analytics.Record("Exactly  Once", 3, TimeSpan.FromMilliseconds(1));
        await analytics.FlushAsync(TestContext.Current.CancellationToken);

        using var connection = new SqliteConnection($"Data Source={Path.Combine(data.Root, AnalyticsDatabase.FileName)}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(1));
        }

        Assert.Equal(2, tables.Count);
        Assert.All(tables, sql => Assert.DoesNotMatch("(?i)ip|address|agent|client|user", sql));
        Assert.Equal([new QueryCount("exactly once", 1)], analytics.TopQueries(clock.GetUtcNow().AddHours(-1), 5));
    }

    [Fact]
    public async Task Turned_off_nothing_is_written()
    {
        var analytics = new SearchAnalytics(
            new AnalyticsDatabase(new DataDirectory(data.Root)), Options.Create(new AnalyticsOptions { Enabled = false }), clock, NullLogger<SearchAnalytics>.Instance);
        analytics.Record("flink", 1, TimeSpan.FromMilliseconds(1));
        await analytics.FlushAsync(TestContext.Current.CancellationToken);

        Assert.False(File.Exists(Path.Combine(data.Root, AnalyticsDatabase.FileName)));
        Assert.Empty(analytics.TopQueries(DateTimeOffset.MinValue, 5));
    }

    [Fact]
    public async Task A_broken_database_loses_counts_but_fails_no_read_or_write()
    {
        await File.WriteAllTextAsync(Path.Combine(data.Root, AnalyticsDatabase.FileName), "not an SQLite file, just text", TestContext.Current.CancellationToken);
        using var analytics = NewAnalytics();
        analytics.Record("flink", 1, TimeSpan.FromMilliseconds(1));

        await analytics.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Empty(analytics.TopQueries(clock.GetUtcNow().AddDays(-1), 5));
        Assert.Equal(0, analytics.SearchesSince(clock.GetUtcNow().AddDays(-1)));
    }

    private long RowCount(string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data.Root, AnalyticsDatabase.FileName)}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}

public sealed class StatsAnalyticsTests
{
    [Fact]
    public async Task Stats_reads_query_counts_from_the_analytics_database_across_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using (var app = new FlinkSearchApp(data, new Dictionary<string, string?> { ["OutputCache:Duration"] = "00:00:00" }))
        {
            var client = await app.StartAsync(ct);
            await client.GetStringAsync("/search?q=Checkpoint", ct);
            await client.GetStringAsync("/search?q=checkpoint&page=2&size=5", ct);
            await client.GetStringAsync("/search?q=zzqqxx", ct);
        }

        SqliteConnection.ClearAllPools();
        await using var restarted = new FlinkSearchApp(data);
        var again = await restarted.StartAsync(ct);
        using var stats = JsonDocument.Parse(await again.GetStringAsync("/stats", ct));

        var top = stats.RootElement.GetProperty("topQueries").EnumerateArray()
            .ToDictionary(q => q.GetProperty("query").GetString()!, q => q.GetProperty("count").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["checkpoint"] = 1, ["zzqqxx"] = 1 }, top);
        Assert.Equal("zzqqxx", stats.RootElement.GetProperty("zeroResultQueries")[0].GetProperty("query").GetString());
        Assert.Equal(2, stats.RootElement.GetProperty("searchesLastDay").GetInt64());
    }
}
