using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FlinkSearch.Benchmarks.Benchmarks;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Benchmarks.Measurements;

namespace FlinkSearch.Benchmarks;

public static class BenchCommands
{
    private const int QuickRounds = 5;
    private const int FullRounds = 20;

    public static int Run(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (options.Error is { } error)
        {
            Console.Error.WriteLine($"bench: {error}");
            Console.Error.WriteLine("usage: FlinkSearch.Benchmarks [suite|measure] [--quick] [--sizes 100,10000,100000] [--rounds N] [-- BenchmarkDotNet args]");
            Console.Error.WriteLine("       FlinkSearch.Benchmarks export --docs N --out FILE | reference --input FILE [--rounds N] | prepare --docs N [--data-dir DIR]");
            return 2;
        }

        BenchState.Sizes = options.Sizes;
        switch (options.Verb)
        {
            case "suite":
                Console.WriteLine($"corpus: {BenchState.Corpus.Description}");
                RunSuite(options);
                Measure(options);
                return 0;
            case "measure":
                Measure(options);
                return 0;
            case "export":
                DocumentFile.Write(options.Output!, BenchState.Corpus.Take(options.Documents));
                Console.Error.WriteLine($"bench: wrote {options.Documents:N0} documents to {options.Output} ({BenchState.Corpus.Description})");
                return 0;
            case "reference":
                ReferenceRun.Run(options.Input!, QueryMix.Load(), options.Rounds ?? FullRounds);
                return 0;
            case "prepare":
                var root = BenchIndex.Prepare(BenchState.Corpus, options.Documents, options.DataDirectory);
                Console.WriteLine(root);
                return 0;
            default:
                return 2;
        }
    }

    private static void RunSuite(BenchOptions options)
    {
        var job = options.Quick
            ? Job.Dry.WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(4).WithUnrollFactor(1)
            : Job.Default.WithWarmupCount(2).WithIterationCount(6).WithLaunchCount(1);
        // In process: no generated project to build on a busy 2-core machine, and the corpus is loaded once.
        var config = DefaultConfig.Instance.AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).AsDefault())
            .WithOptions(ConfigOptions.JoinSummary);
        BenchmarkSwitcher.FromTypes([typeof(AnalysisBenchmarks), typeof(QueryParsingBenchmarks), typeof(SearchBenchmarks), typeof(IndexingBenchmarks)])
            .Run(options.BenchmarkDotNetArgs.Length == 0 ? ["--filter", "*"] : options.BenchmarkDotNetArgs, config);
    }

    private static void Measure(BenchOptions options)
    {
        var corpus = BenchState.Corpus;
        var mix = BenchState.Mix;
        var rounds = options.Rounds ?? (options.Quick ? QuickRounds : FullRounds);
        Console.WriteLine($"corpus: {corpus.Description}");
        Console.WriteLine($"query mix: {mix.Count} queries ({string.Join(", ", mix.GroupBy(q => q.Kind).Select(g => $"{g.Count()} {g.Key}"))}), {rounds} timed rounds after {LatencyRun.WarmupRounds} warm-up rounds");
        Console.WriteLine();

        // Indexing is measured on a fresh build; 100k is measured once, by the build that prepares its index (see `prepare`).
        var indexingSize = Math.Min(options.Sizes.Max(), options.Quick ? 500 : 10_000);
        var articles = corpus.Take(indexingSize);
        var baseline = IndexingRun.WithStandardAnalyzer(articles);
        var smartCn = IndexingRun.WithIndexBuilder(articles);
        Console.WriteLine("| indexing | documents | docs/s | MB/s | index MiB per 1,000 docs | ratio (docs/s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var result in new[] { baseline, smartCn })
        {
            Console.WriteLine(Invariant($"| {result.Label} | {result.Documents:N0} | {result.DocumentsPerSecond:F0} | {result.MegabytesPerSecond:F2} | {result.IndexBytesPerThousand / 1_048_576.0:F2} | {result.DocumentsPerSecond / baseline.DocumentsPerSecond:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| documents | SearchService p50 / p95 / p99 / mean ms | baseline bare Lucene p50 / p95 / p99 / mean ms | ratio p50 | ratio p99 |");
        Console.WriteLine("|---:|---|---|---:|---:|");
        foreach (var size in options.Sizes)
        {
            using var index = BenchIndex.Open(corpus, size);
            var latency = LatencyRun.Run(index, mix, rounds);
            Console.WriteLine(Invariant($"| {size:N0} | {Format(latency.Service)} | {Format(latency.Bare)} | {latency.Service.P50 / latency.Bare.P50:F1} | {latency.Service.P99 / latency.Bare.P99:F1} |"));
        }
    }

    private static string Format(Percentiles p) => Invariant($"{p.P50:F3} / {p.P95:F3} / {p.P99:F3} / {p.Mean:F3}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
