using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Analytics;

/// <summary>
/// Counts answered searches into <see cref="AnalyticsDatabase"/> off the request path: <see cref="Record"/> only puts
/// the event on a bounded channel (dropping it when the writer is far behind), and this background service adds up
/// what arrived each second and writes it in one transaction. Hours past <c>Analytics:Retention</c> are deleted.
/// </summary>
public sealed partial class SearchAnalytics(
    AnalyticsDatabase database, IOptions<AnalyticsOptions> options, TimeProvider time, ILogger<SearchAnalytics> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private const int Capacity = 100_000;

    private readonly Channel<SearchEvent> events = Channel.CreateBounded<SearchEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly SemaphoreSlim writing = new(1, 1);
    private DateTimeOffset nextPurge = DateTimeOffset.MinValue;

    public bool Enabled => options.Value.Enabled;

    public TimeSpan Retention => options.Value.Retention;

    /// <summary>Never waits: the event goes on the channel, or is dropped when the channel is full.</summary>
    public void Record(string query, int total, TimeSpan elapsed)
    {
        if (Enabled)
        {
            events.Writer.TryWrite(new SearchEvent(time.GetUtcNow(), query, total, elapsed));
        }
    }

    /// <summary>Writes whatever is waiting (and deletes expired hours when due), so that a read right after sees it.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            return;
        }

        await writing.WaitAsync(cancellationToken);
        try
        {
            WriteWaiting();
            DeleteExpiredWhenDue();
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            // Counts are worth less than the service: a full disk or a locked file loses this batch, never a search.
            LogWriteFailed(e);
        }
        finally
        {
            writing.Release();
        }
    }

    public long SearchesSince(DateTimeOffset from) => Read(() => database.SearchesSince(Clamp(from)), 0L);

    public IReadOnlyList<HourlySearches> Hourly(DateTimeOffset from) => Read(() => database.Hourly(Clamp(from)), []);

    public IReadOnlyList<QueryCount> TopQueries(DateTimeOffset from, int count, bool zeroResultsOnly = false) =>
        Read(() => database.TopQueries(Clamp(from), count, zeroResultsOnly), []);

    public IReadOnlyList<LatencySummary> Latency(DateTimeOffset from, bool perDay) => Read(() => database.Latency(Clamp(from), perDay), []);

    /// <summary>The oldest moment whose counts are still kept.</summary>
    public DateTimeOffset RetainedSince => time.GetUtcNow() - Retention;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        try
        {
            while (await events.Reader.WaitToReadAsync(stoppingToken))
            {
                // A second's worth of searches becomes one transaction of a few upserts.
                await Task.Delay(FlushInterval, time, stoppingToken);
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    // Reads never reach past the retention, even before the next deletion has run.
    private DateTimeOffset Clamp(DateTimeOffset from) => from < RetainedSince ? RetainedSince : from;

    // An unreadable database (locked past the timeout, broken, on a full disk) shows no counts rather than failing /stats.
    private T Read<T>(Func<T> read, T nothing)
    {
        if (!Enabled)
        {
            return nothing;
        }

        try
        {
            return read();
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            LogReadFailed(e);
            return nothing;
        }
    }

    private void WriteWaiting()
    {
        var searches = new Dictionary<(long, string, int), long>();
        var latency = new Dictionary<(long, int), long>();
        while (events.Reader.TryRead(out var e))
        {
            var hour = AnalyticsBuckets.HourOf(e.At);
            var searchKey = (hour, AnalyticsBuckets.NormalizeQuery(e.Query), AnalyticsBuckets.ResultBucket(e.Total));
            searches[searchKey] = searches.GetValueOrDefault(searchKey) + 1;
            var latencyKey = (hour, AnalyticsBuckets.LatencyBucket(e.Elapsed));
            latency[latencyKey] = latency.GetValueOrDefault(latencyKey) + 1;
        }

        if (searches.Count > 0)
        {
            database.Add(searches, latency);
        }
    }

    private void DeleteExpiredWhenDue()
    {
        var now = time.GetUtcNow();
        if (now < nextPurge)
        {
            return;
        }

        nextPurge = now + PurgeInterval;
        var removed = database.DeleteBefore(now - Retention);
        if (removed > 0)
        {
            LogExpired(removed, Retention.TotalDays);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write search analytics; this batch is lost")]
    private partial void LogWriteFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read search analytics; answering without them")]
    private partial void LogReadFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Rows} analytics rows older than {Days} days")]
    private partial void LogExpired(int rows, double days);
}
