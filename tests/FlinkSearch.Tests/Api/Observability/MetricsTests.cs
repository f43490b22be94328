using System.Net;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Api.Observability;

/// <summary>
/// Exporters listen to every meter named <c>FlinkSearch</c> in the process, so these tests run on their own,
/// after the parallel ones, where no other host adds to the counts.
/// </summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

[Collection(nameof(MetricsTests))]
public sealed class MetricsTests : HostedAppTest
{
    /// <summary>The value of one series in Prometheus text format, e.g. <c>name{label="x"}</c>.</summary>
    private static double Sample(string exposition, string series)
    {
        var line = exposition.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{series} not exposed");
        return double.Parse(line[(series.Length + 1)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Searches_are_counted_with_their_latency_results_and_zero_result_queries()
    {
        var ct = TestContext.Current.CancellationToken;
        await Client.GetAsync("/search?q=checkpoint", ct);
        await Client.GetAsync("/search?q=zzqqxxnothing", ct);
        await Client.GetAsync("/search?q=flink&size=0", ct);

        var metrics = await Client.GetStringAsync("/metrics", ct);

        Assert.Equal(2, Sample(metrics, "flinksearch_search_duration_seconds_count{otel_scope_name=\"FlinkSearch\",endpoint=\"search\",outcome=\"ok\"}"));
        Assert.Equal(1, Sample(metrics, "flinksearch_search_duration_seconds_count{otel_scope_name=\"FlinkSearch\",endpoint=\"search\",outcome=\"bad_request\"}"));
        Assert.Equal(1, Sample(metrics, "flinksearch_search_zero_results_total{otel_scope_name=\"FlinkSearch\",endpoint=\"search\"}"));
        Assert.Equal(2, Sample(metrics, "flinksearch_search_results_count{otel_scope_name=\"FlinkSearch\",endpoint=\"search\"}"));
        Assert.True(Sample(metrics, "flinksearch_search_results_sum{otel_scope_name=\"FlinkSearch\",endpoint=\"search\"}") > 0);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_outcomes_reindex_and_index_build_durations_are_exposed()
    {
        var ct = TestContext.Current.CancellationToken;
        var instruments = App.Services.GetRequiredService<FlinkSearchMetrics>();
        instruments.RecordCrawl("fetched");
        instruments.RecordCrawl("failed", "timeout");
        instruments.RecordCrawl("failed", "timeout");
        instruments.RecordReindex(TimeSpan.FromSeconds(42), "succeeded");

        var metrics = await Client.GetStringAsync("/metrics", ct);

        Assert.Equal(2, Sample(metrics, "flinksearch_crawl_fetches_total{otel_scope_name=\"FlinkSearch\",outcome=\"failed\",reason=\"timeout\"}"));
        Assert.Equal(1, Sample(metrics, "flinksearch_crawl_fetches_total{otel_scope_name=\"FlinkSearch\",outcome=\"fetched\",reason=\"none\"}"));
        Assert.Equal(42, Sample(metrics, "flinksearch_reindex_duration_seconds_sum{otel_scope_name=\"FlinkSearch\",state=\"succeeded\"}"));
        Assert.Equal(1, Sample(metrics, "flinksearch_index_build_duration_seconds_count{otel_scope_name=\"FlinkSearch\",outcome=\"ok\"}"));
    }

    [Fact]
    public async Task An_empty_endpoint_setting_turns_the_metrics_endpoint_off()
    {
        var ct = TestContext.Current.CancellationToken;
        using var otherData = new TempDataDirectory();
        await using var quiet = new FlinkSearchApp(otherData, new Dictionary<string, string?> { ["Metrics:PrometheusEndpoint"] = "" });
        using var quietClient = quiet.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await quietClient.GetAsync("/metrics", ct)).StatusCode);
    }
}
