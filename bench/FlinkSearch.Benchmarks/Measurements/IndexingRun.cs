using FlinkSearch.Benchmarks.Corpus;
using System.Diagnostics;
using System.Text;
using FlinkSearch.Kernel;
using FlinkSearch.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>Indexing throughput and index size of one build, from a cold writer to a committed generation on disk.</summary>
public sealed record IndexingResult(string Label, int Documents, long TextBytes, TimeSpan Elapsed, long IndexBytes, double CpuSeconds = double.NaN)
{
    public double DocumentsPerCpuSecond => Documents / CpuSeconds;
    public double DocumentsPerSecond => Documents / Elapsed.TotalSeconds;
    public double MegabytesPerSecond => TextBytes / 1_048_576.0 / Elapsed.TotalSeconds;
    public double IndexBytesPerThousand => IndexBytes * 1000.0 / Documents;
}

public static class IndexingRun
{
    /// <summary>
    /// The app's own build path: IndexBuilder with SmartCn, term vectors, commit and generation switch. It analyses on
    /// every core the process may use (one writer thread), where the baseline below runs on one thread: the label says so.
    /// </summary>
    public static IndexingResult WithIndexBuilder(IReadOnlyList<IndexableArticle> articles)
    {
        var root = TempRoot();
        try
        {
            var generations = new IndexGenerations(new DataDirectory(root), TimeProvider.System);
            using var analysis = new TextAnalysis();
            var builder = BenchIndex.NewBuilder(generations, analysis, root);
            Settle();
            var cpu = CpuTime.ProcessSeconds();
            var watch = Stopwatch.StartNew();
            builder.BuildAsync(articles, CancellationToken.None).GetAwaiter().GetResult();
            watch.Stop();
            return new IndexingResult($"IndexBuilder (SmartCn, {Environment.ProcessorCount} core(s))", articles.Count, TextBytes(articles), watch.Elapsed,
                SizeOf(generations.PathOf(generations.Current!)), CpuTime.ProcessSeconds() - cpu);
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Baseline: the same documents and fields through a plain IndexWriter with Lucene's StandardAnalyzer.</summary>
    public static IndexingResult WithStandardAnalyzer(IReadOnlyList<IndexableArticle> articles)
    {
        var root = TempRoot();
        try
        {
            using var analyzer = new StandardAnalyzer(TextAnalysis.Version);
            Settle();
            var cpu = CpuTime.ProcessSeconds();
            var watch = Stopwatch.StartNew();
            Write(root, analyzer, articles);
            watch.Stop();
            return new IndexingResult("baseline: StandardAnalyzer", articles.Count, TextBytes(articles), watch.Elapsed, SizeOf(root),
                CpuTime.ProcessSeconds() - cpu);
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    public static long TextBytes(IReadOnlyList<IndexableArticle> articles) =>
        articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Title) + Encoding.UTF8.GetByteCount(a.Body ?? "") + Encoding.UTF8.GetByteCount(a.Note ?? ""));

    public static long SizeOf(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static void Write(string path, Analyzer analyzer, IReadOnlyList<IndexableArticle> articles)
    {
        using var directory = FSDirectory.Open(path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.Version, analyzer) { OpenMode = OpenMode.CREATE });
        foreach (var article in articles)
        {
            writer.AddDocument(ArticleDocumentMapper.ToDocument(article));
        }

        writer.Commit();
    }

    private static string TempRoot()
    {
        var root = Path.Combine(BenchPathsTemp, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(root);
        return root;
    }

    private static string BenchPathsTemp => Path.Combine(Corpus.BenchPaths.WorkDirectory, "runs");

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
