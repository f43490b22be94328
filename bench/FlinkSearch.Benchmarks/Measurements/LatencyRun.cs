using System.Diagnostics;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Search;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>Wall-clock and thread CPU time of each series, and thread CPU per query of the mix.</summary>
public sealed record LatencyResult(
    int Documents, Percentiles Service, Percentiles Bare, Percentiles ServiceCpu, Percentiles BareCpu, int TotalHits, IReadOnlyList<QueryLatency> PerQuery);

/// <summary>One query's hits and thread CPU over the timed rounds, to show which queries make the tail.</summary>
public sealed record QueryLatency(MixQuery Query, int Hits, Percentiles ServiceCpu, Percentiles BareCpu);

/// <summary>Per-query latency of the whole search (top 10, section counts, stored fields, highlighting) next to a bare Lucene search.</summary>

public static class LatencyRun
{
    /// <summary>
    /// Untimed rounds first, so that the JIT has reached its optimised tier (the Java reference does the same). Three
    /// rounds were too few for .NET's tiered compilation on one busy core: a later untimed pass still ran faster.
    /// </summary>
    public const int WarmupRounds = 10;

    public static LatencyResult Run(BenchIndex index, IReadOnlyList<MixQuery> mix, int rounds, int warmup = WarmupRounds)
    {
        var service = new List<double>(mix.Count * rounds);
        var bare = new List<double>(mix.Count * rounds);
        var serviceCpu = new List<double>(mix.Count * rounds);
        var bareCpu = new List<double>(mix.Count * rounds);
        var hits = 0;
        var perQuery = mix.ToDictionary(q => q, _ => (Hits: 0, Service: new List<double>(), Bare: new List<double>()));
        for (var round = -warmup; round < rounds; round++)
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
                var own = perQuery[query];
                own.Service.Add(serviceCpuMs);
                own.Bare.Add(bareCpuMs);
                perQuery[query] = own with { Hits = response.Total };
            }
        }

        return new LatencyResult(index.Metadata.Documents, Percentiles.Of(service), Percentiles.Of(bare), Percentiles.Of(serviceCpu), Percentiles.Of(bareCpu),
            hits / Math.Max(rounds, 1),
            [.. perQuery.Where(q => q.Value.Service.Count > 0).Select(q => new QueryLatency(q.Key, q.Value.Hits, Percentiles.Of(q.Value.Service), Percentiles.Of(q.Value.Bare)))]);
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
