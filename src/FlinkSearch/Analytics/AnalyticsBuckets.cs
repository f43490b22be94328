using System.Globalization;

namespace FlinkSearch.Analytics;

/// <summary>
/// How events are coarsened before they are stored: the hour they fell in, the query text normalised, the match count
/// as a bucket, and the latency as a histogram bucket (each bucket 25 % wider than the one before, from 0.1 ms).
/// </summary>
public static class AnalyticsBuckets
{
    public const int MaxQueryLength = 256;
    private const double FirstBoundMs = 0.1;
    private const double Growth = 1.25;
    public const int LatencyBuckets = 64;

    /// <summary>Lower bounds of the match-count buckets: 0, 1, 2–5, 6–20, 21–100, over 100.</summary>
    public static readonly int[] ResultBounds = [0, 1, 2, 6, 21, 101];

    public static long HourOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 3600;

    public static DateTimeOffset StartOfHour(long hour) => DateTimeOffset.FromUnixTimeSeconds(hour * 3600);

    /// <summary>Lower case, spaces collapsed, at most <see cref="MaxQueryLength"/> characters: "Check  Point" and "check point" count as one.</summary>
    public static string NormalizeQuery(string query)
    {
        var text = string.Join(' ', query.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxQueryLength ? text : text[..MaxQueryLength];
    }

    public static int ResultBucket(int total) => ResultBounds.Last(bound => total >= bound);

    public static int LatencyBucket(TimeSpan elapsed)
    {
        var ms = elapsed.TotalMilliseconds;
        if (ms <= FirstBoundMs)
        {
            return 0;
        }

        return Math.Min(LatencyBuckets - 1, (int)Math.Ceiling(Math.Log(ms / FirstBoundMs, Growth)));
    }

    /// <summary>The upper edge of a latency bucket in milliseconds: a percentile read from the histogram is at most this.</summary>
    public static double LatencyUpperBoundMs(int bucket) => FirstBoundMs * Math.Pow(Growth, bucket);

    public static string Describe(int resultBucket)
    {
        var index = Array.IndexOf(ResultBounds, resultBucket);
        return index == ResultBounds.Length - 1 ? $"> {ResultBounds[index] - 1}"
            : ResultBounds[index + 1] - 1 == resultBucket ? resultBucket.ToString(CultureInfo.InvariantCulture)
            : $"{resultBucket}–{ResultBounds[index + 1] - 1}";
    }
}
