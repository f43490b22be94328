using BenchmarkDotNet.Attributes;
using FlinkSearch.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;

namespace FlinkSearch.Benchmarks.Benchmarks;

/// <summary>Analysing one typical article body with the app's SmartCn analyzer, against Lucene's StandardAnalyzer on the same text.</summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private TextAnalysis analysis = null!;
    private StandardAnalyzer standard = null!;
    private string article = "";

    [GlobalSetup]
    public void Setup()
    {
        analysis = new TextAnalysis();
        standard = new StandardAnalyzer(TextAnalysis.Version);
        // The median-length body of the first real corpus documents stands for "a typical article".
        var corpus = BenchState.Corpus;
        var bodies = Enumerable.Range(corpus.SeedCount, Math.Min(corpus.RealCount, 500))
            .Select(i => corpus.Document(i).Body!).OrderBy(b => b.Length).ToList();
        article = bodies[bodies.Count / 2];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        analysis.Dispose();
        standard.Dispose();
    }

    [Benchmark(Baseline = true, Description = "StandardAnalyzer (baseline)")]
    public int Standard() => Count(standard, article);

    [Benchmark(Description = "SmartCn (TextAnalysis)")]
    public int SmartCn() => Count(analysis.Analyzer, article);

    private static int Count(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream(IndexFields.All, text);
        stream.Reset();
        var tokens = 0;
        while (stream.IncrementToken())
        {
            tokens++;
        }

        stream.End();
        return tokens;
    }
}
