using BenchmarkDotNet.Attributes;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Benchmarks.Measurements;
using FlinkSearch.Search;

namespace FlinkSearch.Benchmarks.Benchmarks;

/// <summary>
/// One pass over the query mix: SearchService (top 10, section counts, stored fields, title and snippet highlighting)
/// against the bare Lucene search of the same queries (top 10 by score, nothing loaded).
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks : IndexSizeBenchmarks
{
    private MixQuery[] mix = [];

    protected override void Prepare() => mix = [.. BenchState.Mix];

    [Benchmark(Baseline = true, Description = "bare Lucene top 10 (baseline)")]
    public int Bare()
    {
        var total = 0;
        foreach (var query in mix)
        {
            total += LatencyRun.BareSearch(Index, query.Text);
        }

        return total;
    }

    [Benchmark(Description = "SearchService top 10 + highlighting")]
    public int Service()
    {
        var total = 0;
        foreach (var query in mix)
        {
            total += Index.Search.Search(new SearchRequest(query.Text)).Total;
        }

        return total;
    }
}
