using System.Globalization;
using FlinkSearch.Analytics;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Kernel;
using FlinkSearch.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// The search path with analytics off against the same path with them on: each query of the mix searched twice in a
/// row, once as the endpoint does without analytics and once followed by <see cref="SearchAnalytics.Record"/> while
/// the background writer runs and writes to a real <c>analytics.db</c>. Which goes first alternates by round.
/// </summary>
public static class AnalyticsRun
{
    public static void Run(BenchIndex index, IReadOnlyList<MixQuery> mix, int rounds, int warmup)
    {
        var root = Path.Combine(Path.GetTempPath(), "flinksearch-bench-analytics-" + Guid.NewGuid().ToString("N")[..8]);
        using var analytics = new SearchAnalytics(
            new AnalyticsDatabase(new DataDirectory(root)), Options.Create(new AnalyticsOptions()), TimeProvider.System, NullLogger<SearchAnalytics>.Instance);
        analytics.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            var off = new Samples();
            var on = new Samples();
            for (var round = -warmup; round < rounds; round++)
            {
                foreach (var query in mix)
                {
                    var request = new SearchRequest(query.Text);
                    Func<int> plain = () => index.Search.Search(request).Total;
                    Func<int> recorded = () =>
                    {
                        var response = index.Search.Search(request);
                        analytics.Record(request.Query, response.Total, TimeSpan.FromMilliseconds(response.TookMs));
                        return response.Total;
                    };
                    var (first, second) = round % 2 == 0 ? (plain, recorded) : (recorded, plain);
                    var a = CpuTime.Measure(first);
                    var b = CpuTime.Measure(second);
                    if (round >= 0)
                    {
                        (round % 2 == 0 ? off : on).Add(a.WallMs, a.CpuMs);
                        (round % 2 == 0 ? on : off).Add(b.WallMs, b.CpuMs);
                    }
                }
            }

            analytics.FlushAsync().GetAwaiter().GetResult();
            var stored = analytics.SearchesSince(DateTimeOffset.UtcNow.AddDays(-1));
            Console.WriteLine($"| documents | clock | analytics off p50 / p99 / mean ms | analytics on p50 / p99 / mean ms | on/off p50 | on/off p99 | on/off mean |");
            Console.WriteLine("|---:|---|---|---|---:|---:|---:|");
            foreach (var (clock, offSeries, onSeries) in new[] { ("wall", off.Wall, on.Wall), ("thread CPU", off.Cpu, on.Cpu) })
            {
                var o = Percentiles.Of(offSeries);
                var n = Percentiles.Of(onSeries);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {BenchIndex.Describe(index.Metadata.Documents)} | {clock} | {o.P50:F3} / {o.P99:F3} / {o.Mean:F3} | {n.P50:F3} / {n.P99:F3} / {n.Mean:F3} | {n.P50 / o.P50:F2} | {n.P99 / o.P99:F2} | {n.Mean / o.Mean:F2} |"));
            }

            Console.WriteLine($"searches written to analytics.db by the background writer: {stored:N0}");
        }
        finally
        {
            analytics.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed class Samples
    {
        public List<double> Wall { get; } = [];
        public List<double> Cpu { get; } = [];

        public void Add(double wall, double cpu)
        {
            Wall.Add(wall);
            Cpu.Add(cpu);
        }
    }
}
