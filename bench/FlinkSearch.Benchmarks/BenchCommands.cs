using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FlinkSearch.Benchmarks.Benchmarks;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Benchmarks.Measurements;
using FlinkSearch.Benchmarks.Soak;

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
            Console.Error.WriteLine("usage: FlinkSearch.Benchmarks [suite|measure] [--quick] [--sizes 100,10000,100000] [--rounds N] [--warmup N] [--index-docs N | --no-indexing] [--per-query] [-- BenchmarkDotNet args]");
            Console.Error.WriteLine("       FlinkSearch.Benchmarks export --docs N --out FILE | reference-engine|reference-app --input FILE [--rounds N] [--warmup N] | prepare --docs N [--data-dir DIR]");
            Console.Error.WriteLine("       FlinkSearch.Benchmarks incremental [--docs 10000] [--changed 1%] [--rounds N] [--warmup N]");
            Console.Error.WriteLine("       FlinkSearch.Benchmarks analytics [--sizes 10000] [--rounds N] [--warmup N]");
            Console.Error.WriteLine("       FlinkSearch.Benchmarks open [--sizes 10000,100000] [--rounds N]   (opening a generation: checksums, verification record)");
            Console.Error.WriteLine("       FlinkSearch.Benchmarks site [--docs 200] [--flap-every 10]   (the loopback article site of bench/soak.sh)");
            Console.Error.WriteLine("       FlinkSearch.Benchmarks orders [--sizes 10000] [--rounds N] [--warmup N]");
            return 2;
        }

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
            case "reference-engine":
                EngineMirrorRun.Run(options.Input!, QueryMix.Load(), options.Rounds ?? FullRounds, options.Warmup ?? LatencyRun.WarmupRounds);
                return 0;
            case "reference-app":
                ReferenceRun.Run(options.Input!, QueryMix.Load(), options.Rounds ?? FullRounds, options.Warmup ?? LatencyRun.WarmupRounds);
                return 0;
            case "incremental":
                return Framed(() => IncrementalRun.Run(
                    BenchState.Corpus, options.Documents, options.ChangedPercent, BenchState.Mix, options.Rounds ?? QuickRounds, options.Warmup ?? LatencyRun.WarmupRounds));
            case "analytics":
                return Framed(() => EachSize(options, index =>
                    AnalyticsRun.Run(index, BenchState.Mix, options.Rounds ?? FullRounds, options.Warmup ?? LatencyRun.WarmupRounds)));
            case "open":
                return Framed(() => OpenRun.Run(options.Sizes.Where(s => s >= 1_000).DefaultIfEmpty(10_000).ToList(), BenchState.Corpus, options.Rounds ?? 3));
            case "site":
                using (var stop = new CancellationTokenSource())
                {
                    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
                    using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                        System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
                    new SoakSite(BenchState.Corpus, options.Documents, options.FlapEvery).RunAsync(stop.Token).GetAwaiter().GetResult();
                }

                return 0;
            case "orders":
                return Framed(() => EachSize(options, index =>
                    SortFilterRun.Run(index, BenchState.Corpus, BenchState.Mix, options.Rounds ?? QuickRounds, options.Warmup ?? LatencyRun.WarmupRounds)));
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
        // Quick is a spot check: one cold pass per iteration, search at the smallest size only, indexing left to Measure.
        var job = options.Quick
            ? Job.Dry.WithIterationCount(3)
            : Job.Default.WithWarmupCount(2).WithIterationCount(6).WithLaunchCount(1);
        Type[] suite = options.Quick
            ? [typeof(AnalysisBenchmarks), typeof(QueryParsingBenchmarks), typeof(SearchBenchmarks), typeof(SuggestBenchmarks)]
            : [typeof(AnalysisBenchmarks), typeof(QueryParsingBenchmarks), typeof(SearchBenchmarks), typeof(SuggestBenchmarks), typeof(IndexingBenchmarks)];
        BenchState.Sizes = options.Quick ? [options.Sizes.Min()] : options.Sizes;

        // In process: no generated project to build on a busy 2-core machine, and the corpus is loaded once.
        var config = DefaultConfig.Instance.AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        BenchmarkSwitcher.FromTypes(suite)
            .Run(options.BenchmarkDotNetArgs.Length == 0 ? ["--filter", "*"] : options.BenchmarkDotNetArgs, config);
    }

    private static void Measure(BenchOptions options)
    {
        var corpus = BenchState.Corpus;
        var mix = BenchState.Mix;
        var rounds = options.Rounds ?? (options.Quick ? QuickRounds : FullRounds);
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm}Z, {Environment.ProcessorCount} core(s) available to this process, load average {LoadAverage()}");
        Console.WriteLine($"corpus: {corpus.Description}");
        Console.WriteLine($"query mix: {mix.Count} queries ({string.Join(", ", mix.GroupBy(q => q.Kind).Select(g => $"{g.Count()} {g.Key}"))}), {rounds} timed rounds after {options.Warmup ?? LatencyRun.WarmupRounds} warm-up rounds");
        Console.WriteLine();

        // Indexing is measured on a fresh build of at most 10k documents (100k is replicated from 10k, see BenchIndex).
        var indexingSize = options.IndexDocuments ?? Math.Min(options.Sizes.Max(), options.Quick ? 300 : 10_000);
        if (indexingSize > 0)
        {
            var articles = corpus.Take(indexingSize);
            var baseline = IndexingRun.WithStandardAnalyzer(articles);
            var smartCn = IndexingRun.WithIndexBuilder(articles);
            Console.WriteLine("| indexing | documents | docs/s | MB/s | docs per CPU-second | index MiB per 1,000 docs | ratio (docs/s) | ratio (docs per CPU-s) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var result in new[] { baseline, smartCn })
            {
                Console.WriteLine(Invariant($"| {result.Label} | {result.Documents:N0} | {result.DocumentsPerSecond:F0} | {result.MegabytesPerSecond:F2} | {result.DocumentsPerCpuSecond:F0} | {result.IndexBytesPerThousand / 1_048_576.0:F2} | {result.DocumentsPerSecond / baseline.DocumentsPerSecond:F2} | {result.DocumentsPerCpuSecond / baseline.DocumentsPerCpuSecond:F2} |"));
            }

            Console.WriteLine();
        }

        Console.WriteLine("| documents | clock | SearchService p50 / p95 / p99 / mean ms | bare Lucene search of the same query, p50 / p95 / p99 / mean ms | floor: one body term, p50 / p95 / p99 / mean ms | service/bare p50 | service/bare p99 | bare/floor p99 |");
        Console.WriteLine("|---:|---|---|---|---|---:|---:|---:|");
        var perQuery = new List<(int Size, IReadOnlyList<QueryLatency> Queries)>();
        foreach (var size in options.Sizes)
        {
            using var index = BenchIndex.Open(corpus, size);
            var latency = LatencyRun.Run(index, mix, rounds, options.Warmup ?? LatencyRun.WarmupRounds);
            foreach (var (clock, service, bare, floor) in new[]
            {
                ("wall", latency.Service.Wall, latency.Bare.Wall, latency.Floor.Wall),
                ("thread CPU", latency.Service.Cpu, latency.Bare.Cpu, latency.Floor.Cpu),
            })
            {
                Console.WriteLine(Invariant($"| {BenchIndex.Describe(size)} | {clock} | {Format(service)} | {Format(bare)} | {Format(floor)} | {service.P50 / bare.P50:F1} | {service.P99 / bare.P99:F1} | {bare.P99 / floor.P99:F1} |"));
            }

            perQuery.Add((size, latency.PerQuery));
        }

        foreach (var (size, queries) in options.PerQuery ? perQuery : [])
        {
            Console.WriteLine();
            Console.WriteLine($"Per query at {BenchIndex.Describe(size)} documents, thread CPU, slowest first:");
            Console.WriteLine();
            Console.WriteLine("| query | kind | hits | SearchService p50 / max ms | bare Lucene p50 / max ms | floor p50 / max ms |");
            Console.WriteLine("|---|---|---:|---|---|---|");
            foreach (var query in queries.OrderByDescending(q => q.ServiceCpu.P50))
            {
                Console.WriteLine(Invariant($"| `{query.Query.Text}` | {query.Query.Kind} | {query.Hits:N0} | {query.ServiceCpu.P50:F2} / {query.ServiceCpu.Max:F2} | {query.BareCpu.P50:F2} / {query.BareCpu.Max:F2} | {query.FloorCpu.P50:F2} / {query.FloorCpu.Max:F2} |"));
            }
        }

        Console.WriteLine($"load average at the end: {LoadAverage()}");
    }

    // The machine is shared; the load average says how much the figures of a run can be trusted.
    // A measurement framed by when and where it ran, and the load on the machine before and after.
    private static int Framed(Action run)
    {
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm}Z, {Environment.ProcessorCount} core(s) available to this process, load average {LoadAverage()}");
        Console.WriteLine($"corpus: {BenchState.Corpus.Description}");
        run();
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    private static void EachSize(BenchOptions options, Action<BenchIndex> run)
    {
        foreach (var size in options.Sizes)
        {
            using var index = BenchIndex.Open(BenchState.Corpus, size);
            run(index);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1/5/15 min)" : "unknown";

    private static string Format(Percentiles p) => Invariant($"{p.P50:F3} / {p.P95:F3} / {p.P99:F3} / {p.Mean:F3}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
