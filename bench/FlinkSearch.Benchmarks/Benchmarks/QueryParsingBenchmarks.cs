using BenchmarkDotNet.Attributes;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Benchmarks.Benchmarks;

/// <summary>QueryBuilder over the whole query mix (per query), against building a single-term query per query.</summary>
[MemoryDiagnoser]
public class QueryParsingBenchmarks
{
    private TextAnalysis analysis = null!;
    private QueryBuilder builder = null!;
    private MixQuery[] mix = [];

    [GlobalSetup]
    public void Setup()
    {
        analysis = new TextAnalysis();
        builder = new QueryBuilder(analysis);
        mix = [.. BenchState.Mix];
    }

    [GlobalCleanup]
    public void Cleanup() => analysis.Dispose();

    [Benchmark(Baseline = true, Description = "TermQuery per query (baseline)")]
    public int TermQueries()
    {
        var clauses = 0;
        foreach (var query in mix)
        {
            clauses += new TermQuery(new Term(IndexFields.Body, query.Text)).GetHashCode() & 1;
        }

        return clauses;
    }

    [Benchmark(Description = "QueryBuilder.Build per query")]
    public int Build()
    {
        var clauses = 0;
        foreach (var query in mix)
        {
            clauses += builder.Build(query.Text) is BooleanQuery b ? b.Clauses.Count : 1;
        }

        return clauses;
    }
}
