using BenchmarkDotNet.Attributes;
using FlinkSearch.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace FlinkSearch.Benchmarks.Benchmarks;

/// <summary>Indexing 1,000 article-sized documents into memory with the app's analyzer and mapper, against StandardAnalyzer.</summary>
[MemoryDiagnoser]
public class IndexingBenchmarks
{
    public const int Batch = 1_000;
    private IReadOnlyList<IndexableArticle> articles = [];
    private TextAnalysis analysis = null!;
    private StandardAnalyzer standard = null!;

    [GlobalSetup]
    public void Setup()
    {
        articles = BenchState.Corpus.Take(Batch);
        analysis = new TextAnalysis();
        standard = new StandardAnalyzer(TextAnalysis.Version);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        analysis.Dispose();
        standard.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "StandardAnalyzer, per document (baseline)")]
    public int Standard() => Index(standard);

    [Benchmark(OperationsPerInvoke = Batch, Description = "SmartCn + ArticleDocumentMapper, per document")]
    public int SmartCn() => Index(analysis.Analyzer);

    private int Index(Analyzer analyzer)
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.Version, analyzer));
        foreach (var article in articles)
        {
            writer.AddDocument(ArticleDocumentMapper.ToDocument(article));
        }

        writer.Commit();
        return writer.NumDocs;
    }
}
