using System.Diagnostics;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>Wall-clock and thread CPU time of each series, and thread CPU per query of the mix.</summary>
public sealed record LatencyResult(int Documents, Series Service, Series Bare, Series Floor, int TotalHits, IReadOnlyList<QueryLatency> PerQuery);

/// <summary>One series of timed calls on both clocks.</summary>
public sealed record Series(Percentiles Wall, Percentiles Cpu);

/// <summary>One query's hits and thread CPU over the timed rounds, to show which queries make the tail.</summary>
public sealed record QueryLatency(MixQuery Query, int Hits, Percentiles ServiceCpu, Percentiles BareCpu, Percentiles FloorCpu);

/// <summary>
/// Per-query latency of the whole search (top 10, section counts, stored fields, highlighting) next to two
/// baselines from the same index: the bare Lucene search of the same query, and a floor — one term query for the
/// query's first word in the catch-all field, the least any search for it must do.
/// </summary>
public static class LatencyRun
{
    /// <summary>
    /// Untimed rounds first, so that the JIT has reached its optimised tier (the Java reference does the same). Three
    /// rounds were too few for .NET's tiered compilation on one busy core: a later untimed pass still ran faster.
    /// </summary>
    public const int WarmupRounds = 10;

    public static LatencyResult Run(BenchIndex index, IReadOnlyList<MixQuery> mix, int rounds, int warmup = WarmupRounds)
    {
        var floors = mix.ToDictionary(q => q, q => index.Planner.Groups(q.Text) is [var first, ..] ? new TermQuery(new Term(IndexFields.All, first.Whole)) : null);
        var samples = mix.ToDictionary(q => q, _ => new Samples());
        var hits = new Dictionary<MixQuery, int>();
        for (var round = -warmup; round < rounds; round++)
        {
            foreach (var query in mix)
            {
                // The series are interleaved query by query so that noise from the shared machine hits them alike.
                var service = Timed(() => hits[query] = index.Search.Search(new SearchRequest(query.Text)).Total);
                var bare = Timed(() => BareSearch(index, query.Text));
                var floor = Timed(() => floors[query] is { } term ? Search(index, term) : 0);
                if (round >= 0)
                {
                    samples[query].Add(service, bare, floor);
                }
            }
        }

        var all = new Samples();
        foreach (var own in samples.Values)
        {
            all.Append(own);
        }

        return new LatencyResult(index.Metadata.Documents, all.Service.Of(), all.Bare.Of(), all.Floor.Of(), hits.Values.Sum(),
            [.. mix.Select(q => new QueryLatency(q, hits[q], Percentiles.Of(samples[q].Service.Cpu), Percentiles.Of(samples[q].Bare.Cpu), Percentiles.Of(samples[q].Floor.Cpu)))]);
    }

    /// <summary>Baseline: the same candidate query planned and built the same way, top 10 by score, nothing rescored, counted, loaded or marked.</summary>
    public static int BareSearch(BenchIndex index, string text)
    {
        if (!index.Serving.TryAcquire(out var lease))
        {
            throw new InvalidOperationException("no index");
        }

        using (lease)
        {
            var queries = index.Queries.Build(index.Planner.Plan(text), lease.Searcher.IndexReader, lease.Metadata.SynonymsVersion);
            return lease.Searcher.Search(queries.Candidates, 10).TotalHits;
        }
    }

    private static int Search(BenchIndex index, Query query)
    {
        if (!index.Serving.TryAcquire(out var lease))
        {
            throw new InvalidOperationException("no index");
        }

        using (lease)
        {
            return lease.Searcher.Search(query, 10).TotalHits;
        }
    }

    private static (double Wall, double Cpu) Timed(Func<int> search)
    {
        var (wall, cpu, _) = CpuTime.Measure(search);
        return (wall, cpu);
    }

    private sealed class Samples
    {
        public Clocks Service { get; } = new();
        public Clocks Bare { get; } = new();
        public Clocks Floor { get; } = new();

        public void Add((double Wall, double Cpu) service, (double Wall, double Cpu) bare, (double Wall, double Cpu) floor)
        {
            Service.Add(service);
            Bare.Add(bare);
            Floor.Add(floor);
        }

        public void Append(Samples other)
        {
            Service.Append(other.Service);
            Bare.Append(other.Bare);
            Floor.Append(other.Floor);
        }
    }

    private sealed class Clocks
    {
        public List<double> Wall { get; } = [];
        public List<double> Cpu { get; } = [];

        public void Add((double Wall, double Cpu) sample)
        {
            Wall.Add(sample.Wall);
            Cpu.Add(sample.Cpu);
        }

        public void Append(Clocks other)
        {
            Wall.AddRange(other.Wall);
            Cpu.AddRange(other.Cpu);
        }

        public Series Of() => new(Percentiles.Of([.. Wall]), Percentiles.Of([.. Cpu]));
    }
}
