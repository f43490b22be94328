using System.Diagnostics;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Search;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>Per-query latency of the whole search (top 10, section counts, stored fields, highlighting) next to a bare Lucene search.</summary>
/// <summary>Wall-clock and thread CPU time of each series.</summary>
public sealed record LatencyResult(int Documents, Percentiles Service, Percentiles Bare, Percentiles ServiceCpu, Percentiles BareCpu, int TotalHits);

public static class LatencyRun
{
    /// <summary>Untimed rounds first, so that the JIT has reached its optimised tier (the Java reference does the same).</summary>
    public const int WarmupRounds = 3;

    public static LatencyResult Run(BenchIndex index, IReadOnlyList<MixQuery> mix, int rounds)
    {
        var service = new List<double>(mix.Count * rounds);
        var bare = new List<double>(mix.Count * rounds);
        var serviceCpu = new List<double>(mix.Count * rounds);
        var bareCpu = new List<double>(mix.Count * rounds);
        var hits = 0;
        for (var round = -WarmupRounds; round < rounds; round++)
        {
            foreach (var query in mix)
            {
                // The two are interleaved query by query so that noise from the shared machine hits both alike.
                var cpu = CpuTime.ThreadMilliseconds();
                var watch = Stopwatch.StartNew();
                var response = index.Search.Search(new SearchRequest(query.Text));
                var serviceMs = watch.Elapsed.TotalMilliseconds;
                var serviceCpuMs = CpuTime.ThreadMilliseconds() - cpu;

                cpu = CpuTime.ThreadMilliseconds();
                watch.Restart();
                BareSearch(index, query.Text);
                var bareMs = watch.Elapsed.TotalMilliseconds;
                var bareCpuMs = CpuTime.ThreadMilliseconds() - cpu;
                if (round < 0)
                {
                    continue;
                }

                service.Add(serviceMs);
                bare.Add(bareMs);
                serviceCpu.Add(serviceCpuMs);
                bareCpu.Add(bareCpuMs);
                hits += response.Total;
            }
        }

        return new LatencyResult(index.Metadata.Documents, Percentiles.Of(service), Percentiles.Of(bare), Percentiles.Of(serviceCpu), Percentiles.Of(bareCpu),
            hits / Math.Max(rounds, 1));
    }

    /// <summary>Baseline: the same query built the same way, top 10 by score, nothing loaded or highlighted.</summary>
    public static int BareSearch(BenchIndex index, string text)
    {
        if (!index.Serving.TryAcquire(out var lease))
        {
            throw new InvalidOperationException("no index");
        }

        using (lease)
        {
            return lease.Searcher.Search(index.Queries.Build(text), 10).TotalHits;
        }
    }
}
