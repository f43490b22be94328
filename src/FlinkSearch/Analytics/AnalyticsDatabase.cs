using FlinkSearch.Kernel;
using Microsoft.Data.Sqlite;

namespace FlinkSearch.Analytics;

/// <summary>
/// <c>&lt;data-dir&gt;/analytics.db</c> (SQLite, WAL): per hour, the searches by normalised query and match-count bucket,
/// and a latency histogram. Several processes may write it at once (counts are added, never overwritten).
/// </summary>
public sealed class AnalyticsDatabase(DataDirectory data)
{
    public const string FileName = "analytics.db";

    // PublicationOnly: a failed first open (say, the disk was full) is tried again next time instead of being remembered.
    private readonly Lazy<string> connectionString = new(() => Create(Path.Combine(data.Root, FileName)), LazyThreadSafetyMode.PublicationOnly);

    public string FilePath => Path.Combine(data.Root, FileName);

    /// <summary>Adds one batch of hourly counts in one transaction.</summary>
    public void Add(IReadOnlyDictionary<(long Hour, string Query, int Results), long> searches, IReadOnlyDictionary<(long Hour, int Bucket), long> latency)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO searches(hour, query, results, count) VALUES ($hour, $query, $results, $count)
                ON CONFLICT(hour, query, results) DO UPDATE SET count = count + excluded.count
                """;
            var hour = command.Parameters.Add("$hour", SqliteType.Integer);
            var query = command.Parameters.Add("$query", SqliteType.Text);
            var results = command.Parameters.Add("$results", SqliteType.Integer);
            var count = command.Parameters.Add("$count", SqliteType.Integer);
            foreach (var ((h, q, r), n) in searches)
            {
                (hour.Value, query.Value, results.Value, count.Value) = (h, q, r, n);
                command.ExecuteNonQuery();
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO latency(hour, bucket, count) VALUES ($hour, $bucket, $count)
                ON CONFLICT(hour, bucket) DO UPDATE SET count = count + excluded.count
                """;
            var hour = command.Parameters.Add("$hour", SqliteType.Integer);
            var bucket = command.Parameters.Add("$bucket", SqliteType.Integer);
            var count = command.Parameters.Add("$count", SqliteType.Integer);
            foreach (var ((h, b), n) in latency)
            {
                (hour.Value, bucket.Value, count.Value) = (h, b, n);
                command.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>Deletes every hour before <paramref name="before"/>; returns the rows removed.</summary>
    public int DeleteBefore(DateTimeOffset before)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM searches WHERE hour < $hour; DELETE FROM latency WHERE hour < $hour;";
        command.Parameters.AddWithValue("$hour", AnalyticsBuckets.HourOf(before));
        return command.ExecuteNonQuery();
    }

    public long SearchesSince(DateTimeOffset from) =>
        (long)Scalar("SELECT COALESCE(SUM(count), 0) FROM searches WHERE hour >= $from", from)!;

    /// <summary>Searches and zero-result searches per hour from <paramref name="from"/>, hours without searches left out.</summary>
    public IReadOnlyList<HourlySearches> Hourly(DateTimeOffset from) => Read(
        "SELECT hour, SUM(count), SUM(CASE WHEN results = 0 THEN count ELSE 0 END) FROM searches WHERE hour >= $from GROUP BY hour ORDER BY hour",
        from, row => new HourlySearches(AnalyticsBuckets.StartOfHour(row.GetInt64(0)), row.GetInt64(1), row.GetInt64(2)));

    /// <summary>The most searched texts from <paramref name="from"/>; only those that found nothing when <paramref name="zeroResultsOnly"/>.</summary>
    public IReadOnlyList<QueryCount> TopQueries(DateTimeOffset from, int count, bool zeroResultsOnly = false) => Read(
        $"SELECT query, SUM(count) AS n FROM searches WHERE hour >= $from {(zeroResultsOnly ? "AND results = 0" : "")} GROUP BY query ORDER BY n DESC, query LIMIT {count}",
        from, row => new QueryCount(row.GetString(0), row.GetInt64(1)));

    /// <summary>The latency histogram from <paramref name="from"/>, per day (UTC) when <paramref name="perDay"/>, else as one.</summary>
    public IReadOnlyList<LatencySummary> Latency(DateTimeOffset from, bool perDay)
    {
        var groups = new SortedDictionary<long, long[]>();
        foreach (var (day, bucket, count) in Read(
            $"SELECT {(perDay ? "hour / 24" : "0")}, bucket, SUM(count) FROM latency WHERE hour >= $from GROUP BY 1, 2",
            from, row => (row.GetInt64(0), row.GetInt32(1), row.GetInt64(2))))
        {
            if (!groups.TryGetValue(day, out var histogram))
            {
                groups[day] = histogram = new long[AnalyticsBuckets.LatencyBuckets];
            }

            histogram[Math.Clamp(bucket, 0, AnalyticsBuckets.LatencyBuckets - 1)] += count;
        }

        return [.. groups.Select(group => LatencySummary.Of(perDay ? AnalyticsBuckets.StartOfHour(group.Key * 24) : from, group.Value))];
    }

    /// <summary>A consistent copy of the database at <paramref name="path"/>, through SQLite's online backup (writers keep going).</summary>
    public void BackupTo(string path)
    {
        using var source = Open();
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        target.Open();
        source.BackupDatabase(target);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString.Value);
        connection.Open();
        return connection;
    }

    private object? Scalar(string sql, DateTimeOffset from)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", AnalyticsBuckets.HourOf(from));
        return command.ExecuteScalar();
    }

    private List<T> Read<T>(string sql, DateTimeOffset from, Func<SqliteDataReader, T> map)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", AnalyticsBuckets.HourOf(from));
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    // WAL lets the console read while a server writes; the schema is created on first use.
    private static string Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS searches(
                hour INTEGER NOT NULL, query TEXT NOT NULL, results INTEGER NOT NULL, count INTEGER NOT NULL,
                PRIMARY KEY(hour, query, results)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS latency(
                hour INTEGER NOT NULL, bucket INTEGER NOT NULL, count INTEGER NOT NULL,
                PRIMARY KEY(hour, bucket)) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
        return connectionString;
    }
}

public sealed record QueryCount(string Query, long Count);

public sealed record HourlySearches(DateTimeOffset Hour, long Searches, long ZeroResults);

/// <summary>Percentiles read from a histogram: each is the upper edge of the bucket it falls in (at most 25 % high).</summary>
public sealed record LatencySummary(DateTimeOffset From, long Searches, double P50Ms, double P99Ms)
{
    public static LatencySummary Of(DateTimeOffset from, long[] histogram)
    {
        var total = histogram.Sum();
        return new LatencySummary(from, total, Percentile(histogram, total, 0.50), Percentile(histogram, total, 0.99));
    }

    private static double Percentile(long[] histogram, long total, double share)
    {
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(total * share);
        long seen = 0;
        for (var bucket = 0; bucket < histogram.Length; bucket++)
        {
            seen += histogram[bucket];
            if (seen >= rank)
            {
                return Math.Round(AnalyticsBuckets.LatencyUpperBoundMs(bucket), 2);
            }
        }

        return Math.Round(AnalyticsBuckets.LatencyUpperBoundMs(histogram.Length - 1), 2);
    }
}
