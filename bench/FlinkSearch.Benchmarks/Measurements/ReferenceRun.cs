using System.Diagnostics;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Kernel;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// The product half of the Java comparison: the app's own IndexBuilder and SearchService on the same exported documents
/// and query texts. It does more work than the Java program (bilingual analysis, gram fields, synonym-expanded concept
/// queries, proximity boosts, re-analysed titles, did-you-mean), so its keys carry an <c>app_</c> prefix and the report
/// shows it apart from the engine comparison (<see cref="EngineMirrorRun"/>).
/// </summary>
public static class ReferenceRun
{
    public static void Run(string input, IReadOnlyList<MixQuery> mix, int rounds, int warmup)
    {
        var articles = DocumentFile.Read(input);
        var root = Path.Combine(BenchPaths.WorkDirectory, "reference-" + Guid.NewGuid().ToString("N"));
        var lines = new ReferenceLines("app_");
        try
        {
            var generations = new IndexGenerations(new DataDirectory(root), TimeProvider.System);
            using (var analysis = new TextAnalysis())
            {
                var builder = BenchIndex.NewBuilder(generations, analysis, root);
                GC.Collect();
                var cpu = CpuTime.ProcessSeconds();
                var watch = Stopwatch.StartNew();
                builder.BuildAsync(articles, CancellationToken.None).GetAwaiter().GetResult();
                watch.Stop();
                cpu = CpuTime.ProcessSeconds() - cpu;
                lines.PrintIndexing("FlinkSearch IndexBuilder + SearchService (full pipeline) on Lucene.Net", articles.Count,
                    IndexingRun.TextBytes(articles), watch.Elapsed.TotalSeconds, cpu, IndexingRun.SizeOf(generations.PathOf(generations.Current!)));
            }

            using var index = BenchIndex.Open(root);
            lines.PrintLatency(QueryRounds.Run(mix, rounds, warmup, text => index.Search.Search(new SearchRequest(text)).Total));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
