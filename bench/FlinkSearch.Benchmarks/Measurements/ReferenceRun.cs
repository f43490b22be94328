using System.Diagnostics;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Hosting;
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
                var builder = new IndexBuilder(generations, analysis, TimeProvider.System, NullLogger<IndexBuilder>.Instance);
                GC.Collect();
                var cpu = CpuTime.ProcessSeconds();
                var watch = Stopwatch.StartNew();
                builder.BuildAsync(articles, CancellationToken.None).GetAwaiter().GetResult();
                watch.Stop();
                cpu = CpuTime.ProcessSeconds() - cpu;
                var size = IndexingRun.SizeOf(generations.PathOf(generations.Current!));
                lines.Print("implementation", "FlinkSearch IndexBuilder + SearchService (full pipeline) on Lucene.Net");
                lines.Print("documents", articles.Count);
                lines.Print("text_mb", IndexingRun.TextBytes(articles) / 1_048_576.0);
                lines.Print("index_seconds", watch.Elapsed.TotalSeconds);
                lines.Print("index_docs_per_s", articles.Count / watch.Elapsed.TotalSeconds);
                lines.Print("index_cpu_seconds", cpu);
                lines.Print("index_docs_per_cpu_s", articles.Count / cpu);
                lines.Print("index_mb", size / 1_048_576.0);
            }

            using var index = BenchIndex.Open(root);
            var times = new List<double>();
            var cpuTimes = new List<double>();
            long hits = 0;
            for (var round = -warmup; round < rounds; round++)
            {
                foreach (var query in mix)
                {
                    var cpu = CpuTime.ThreadMilliseconds();
                    var watch = Stopwatch.StartNew();
                    var response = index.Search.Search(new SearchRequest(query.Text));
                    if (round >= 0)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                        cpuTimes.Add(CpuTime.ThreadMilliseconds() - cpu);
                        hits += response.Total;
                    }
                }
            }

            lines.PrintLatency(times, cpuTimes, hits / Math.Max(rounds, 1));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
