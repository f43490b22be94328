using System.Collections.Concurrent;

namespace FlinkSearch.Search;

/// <summary>Counts of the queries people type (normalised text only, nothing about who asked), for <c>/stats</c>.</summary>
public sealed class QueryStatistics
{
    private const int MaxDistinct = 10_000;
    private readonly ConcurrentDictionary<string, int> all = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> zeroResults = new(StringComparer.Ordinal);

    public void Record(string query, int total)
    {
        var key = string.Join(' ', query.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Count(all, key);
        if (total == 0)
        {
            Count(zeroResults, key);
        }
    }

    public IReadOnlyList<QueryCount> Top(int count) => TopOf(all, count);

    public IReadOnlyList<QueryCount> TopZeroResults(int count) => TopOf(zeroResults, count);

    private static void Count(ConcurrentDictionary<string, int> counts, string key)
    {
        // Past the cap only queries already seen are counted, so memory stays bounded under junk traffic.
        if (counts.Count < MaxDistinct || counts.ContainsKey(key))
        {
            counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }

    private static List<QueryCount> TopOf(ConcurrentDictionary<string, int> counts, int count) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(count)
            .Select(c => new QueryCount(c.Key, c.Value)).ToList();
}

public sealed record QueryCount(string Query, int Count);
