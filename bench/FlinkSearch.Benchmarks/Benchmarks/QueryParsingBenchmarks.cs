using BenchmarkDotNet.Attributes;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Benchmarks.Benchmarks;

/// <summary>QueryPlanner and QueryBuilder over the whole query mix, against only analysing the same texts with the same analyzer (the part no parser can skip).</summary>
[MemoryDiagnoser]
public class QueryParsingBenchmarks
{
    private TextAnalysis analysis = null!;
    private QueryPlanner planner = null!;
    private QueryBuilder builder = null!;
    private MultiReader empty = null!;
    private MixQuery[] mix = [];

    [GlobalSetup]
    public void Setup()
    {
        analysis = new TextAnalysis();
        var weights = Options.Create(RankingWeights.Default);
        planner = new QueryPlanner(analysis, BenchIndex.Synonyms(BenchPaths.WorkDirectory), weights);
        builder = new QueryBuilder(weights);
        empty = new MultiReader();
        mix = [.. BenchState.Mix];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        analysis.Dispose();
        empty.Dispose();
    }

    [Benchmark(Baseline = true, Description = "analyse the query texts (baseline)")]
    public int Analyse()
    {
        var tokens = 0;
        foreach (var query in mix)
        {
            using var stream = analysis.Analyzer.GetTokenStream(IndexFields.All, query.Text);
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens++;
            }

            stream.End();
        }

        return tokens;
    }

    [Benchmark(Description = "QueryPlanner.Plan and QueryBuilder.Build of the query texts")]
    public int Build()
    {
        var clauses = 0;
        foreach (var query in mix)
        {
            var queries = builder.Build(planner.Plan(query.Text), empty, null);
            clauses += queries.Candidates is BooleanQuery b ? b.Clauses.Count : 1;
        }

        return clauses;
    }
}
