using System.Diagnostics;
using System.Globalization;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Hosting;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// The .NET half of the Java comparison: index the exported documents with the app's IndexBuilder, then run the query
/// mix through SearchService. Prints the same <c>key value</c> lines as bench/java/LuceneReference.java.
/// </summary>
public static class ReferenceRun
{
    public static void Run(string input, IReadOnlyList<MixQuery> mix, int rounds)
    {
        var articles = DocumentFile.Read(input);
        var root = Path.Combine(BenchPaths.WorkDirectory, "reference-" + Guid.NewGuid().ToString("N"));
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
                Print("implementation", "Lucene.Net 4.8.0-beta00017 (FlinkSearch IndexBuilder + SearchService)");
                Print("documents", articles.Count);
                Print("text_mb", IndexingRun.TextBytes(articles) / 1_048_576.0);
                Print("index_seconds", watch.Elapsed.TotalSeconds);
                Print("index_docs_per_s", articles.Count / watch.Elapsed.TotalSeconds);
                Print("index_cpu_seconds", cpu);
                Print("index_docs_per_cpu_s", articles.Count / cpu);
                Print("index_mb", size / 1_048_576.0);
            }

            using var index = BenchIndex.Open(root);
            var times = new List<double>();
            var cpuTimes = new List<double>();
            long hits = 0;
            for (var round = -LatencyRun.WarmupRounds; round < rounds; round++)
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

            var p = Percentiles.Of(times);
            Print("queries", p.Count);
            Print("hits_per_round", hits / Math.Max(rounds, 1));
            Print("query_mean_ms", p.Mean);
            Print("query_p50_ms", p.P50);
            Print("query_p95_ms", p.P95);
            Print("query_p99_ms", p.P99);
            var c = Percentiles.Of(cpuTimes);
            Print("query_cpu_mean_ms", c.Mean);
            Print("query_cpu_p50_ms", c.P50);
            Print("query_cpu_p95_ms", c.P95);
            Print("query_cpu_p99_ms", c.P99);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Print(string key, object value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} {(value is double d ? d.ToString("F4", CultureInfo.InvariantCulture) : value)}"));
}
