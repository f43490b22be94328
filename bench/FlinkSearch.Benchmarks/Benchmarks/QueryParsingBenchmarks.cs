using BenchmarkDotNet.Attributes;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Lucene.Net.Search;

namespace FlinkSearch.Benchmarks.Benchmarks;

/// <summary>QueryBuilder over the whole query mix, against only analysing the same texts with the same analyzer (the part no parser can skip).</summary>
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
        builder = new QueryBuilder(analysis, BenchIndex.Synonyms(BenchPaths.WorkDirectory), new ConceptQueries(analysis));
        mix = [.. BenchState.Mix];
    }

    [GlobalCleanup]
    public void Cleanup() => analysis.Dispose();

    [Benchmark(Baseline = true, Description = "analyse the query texts (baseline)")]
    public int Analyse()
    {
        var tokens = 0;
        foreach (var query in mix)
        {
            using var stream = analysis.Analyzer.GetTokenStream(IndexFields.Body, query.Text);
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens++;
            }

            stream.End();
        }

        return tokens;
    }

    [Benchmark(Description = "QueryBuilder.Build of the query texts")]
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
