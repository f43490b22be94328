using System.Diagnostics.Metrics;

namespace FlinkSearch.Kernel;

/// <summary>
/// The service's own instruments on the <c>FlinkSearch</c> meter. Searches record themselves through the search
/// endpoint filter; the crawler and the reindex job call <see cref="RecordCrawl"/> and <see cref="RecordReindex"/>.
/// Nothing here carries client data: tags are fixed vocabularies (outcome, reason, state).
/// </summary>
public sealed class FlinkSearchMetrics
{
    public const string MeterName = "FlinkSearch";

    private readonly Histogram<double> searchDuration;
    private readonly Histogram<int> searchResults;
    private readonly Counter<long> zeroResultSearches;
    private readonly Counter<long> crawlFetches;
    private readonly Histogram<double> reindexDuration;
    private readonly Histogram<double> indexBuildDuration;

    public FlinkSearchMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        searchDuration = meter.CreateHistogram("flinksearch.search.duration", "s",
            "Time to answer a search or suggest request that reached the index (cache hits excluded).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        searchResults = meter.CreateHistogram("flinksearch.search.results", "{result}",
            "Total matches per answered search.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 5, 10, 20, 50, 100, 200] });
        zeroResultSearches = meter.CreateCounter<long>("flinksearch.search.zero_results", "{search}",
            "Answered searches that found nothing.");
        crawlFetches = meter.CreateCounter<long>("flinksearch.crawl.fetches", "{fetch}",
            "Crawl attempts by outcome (fetched, unchanged, failed) and failure reason.");
        reindexDuration = meter.CreateHistogram("flinksearch.reindex.duration", "s",
            "Duration of a whole reindex (crawl then index) by final state.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 3600] });
        indexBuildDuration = meter.CreateHistogram("flinksearch.index.build.duration", "s",
            "Duration of building one index generation from the sources and crawl store.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
    }

    /// <param name="endpoint">Which API answered: <c>search</c> or <c>suggest</c>.</param>
    /// <param name="outcome"><c>ok</c>, <c>bad_request</c> or <c>not_ready</c>.</param>
    /// <param name="total">Total matches when the outcome is <c>ok</c>.</param>
    public void RecordSearch(string endpoint, string outcome, TimeSpan elapsed, int? total)
    {
        var endpointTag = new KeyValuePair<string, object?>("endpoint", endpoint);
        searchDuration.Record(elapsed.TotalSeconds, endpointTag, new("outcome", outcome));
        if (total is { } count)
        {
            searchResults.Record(count, endpointTag);
            if (count == 0)
            {
                zeroResultSearches.Add(1, endpointTag);
            }
        }
    }

    /// <param name="outcome"><c>fetched</c>, <c>unchanged</c> or <c>failed</c>.</param>
    /// <param name="reason">The failure reason of the contract (<c>timeout</c>, <c>http-404</c>, …); null unless failed.</param>
    public void RecordCrawl(string outcome, string? reason = null) =>
        crawlFetches.Add(1, new("outcome", outcome), new("reason", reason ?? "none"));

    /// <param name="state">The run's final state: <c>succeeded</c>, <c>failed</c>, <c>cancelled</c> or <c>skipped</c>.</param>
    public void RecordReindex(TimeSpan elapsed, string state) =>
        reindexDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("state", state));

    public void RecordIndexBuild(TimeSpan elapsed, bool succeeded) =>
        indexBuildDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed"));
}
