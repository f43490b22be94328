using System.Diagnostics;
using System.Globalization;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using FlinkSearch.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// A reindex after a share of the articles changed: the index step built incrementally from the previous generation,
/// against a full build of the same articles in the same run. Also what the incremental generation costs afterwards:
/// its segments and deleted documents, what merging it into one segment would add, and search latency and top 10s
/// over the query mix next to the full build's.
/// </summary>
public static class IncrementalRun
{
    private static readonly DateTimeOffset Recrawled = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    public static void Run(ArticleCorpus corpus, int documents, double changedPercent, IReadOnlyList<MixQuery> mix, int rounds, int warmup)
    {
        var before = corpus.Take(documents);
        var every = Math.Max(1, (int)Math.Round(100 / changedPercent));
        var after = before.Select((article, i) => i % every == every / 2 ? Edited(article) : article).ToList();
        var changed = after.Where((article, i) => !ReferenceEquals(article, before[i])).Count();
        var incrementalRoot = NewRoot();
        var fullRoot = NewRoot();
        string? mergedRoot = null;
        try
        {
            Console.WriteLine($"{documents:N0} articles, {changed:N0} changed ({changedPercent.ToString(CultureInfo.InvariantCulture)} %: a body edit and a new crawl time each)");
            var setup = Build(incrementalRoot, before, full: false);
            Console.WriteLine(Invariant($"previous generation (setup, full): {setup.Wall.TotalSeconds:F1} s"));

            // The baseline first, so that a machine that gets busier during the run favours it rather than the incremental build.
            var full = Build(fullRoot, after, full: true);
            var incremental = Build(incrementalRoot, after, full: false);
            Console.WriteLine();
            Console.WriteLine("| index step | wall s | process CPU s | build | ratio (wall) | ratio (CPU) |");
            Console.WriteLine("|---|---:|---:|---|---:|---:|");
            foreach (var (label, result) in new[] { ("full build (baseline)", full), ("incremental build", incremental) })
            {
                Console.WriteLine(Invariant($"| {label} | {result.Wall.TotalSeconds:F2} | {result.Cpu:F2} | {result.Metadata.Build} | {result.Wall / full.Wall:F3} | {result.Cpu / full.Cpu:F3} |"));
            }

            Console.WriteLine();
            mergedRoot = MergedCopy(incrementalRoot, full.Wall);
            CompareSearch(fullRoot, [("incremental build", incrementalRoot), ("incremental build merged into one segment", mergedRoot)], mix, rounds, warmup);
        }
        finally
        {
            foreach (var root in new[] { incrementalRoot, fullRoot, mergedRoot })
            {
                if (root is not null)
                {
                    System.IO.Directory.Delete(root, recursive: true);
                }
            }
        }
    }

    private static IndexableArticle Edited(IndexableArticle article) => article with
    {
        Body = article.Body + "\n更新：补充了非对齐检查点（Unaligned Checkpoint）与对齐超时的说明。",
        CrawledAt = Recrawled,
    };

    private sealed record BuildResult(TimeSpan Wall, double Cpu, IndexMetadata Metadata);

    private static BuildResult Build(string root, IReadOnlyList<IndexableArticle> articles, bool full)
    {
        var generations = new IndexGenerations(new DataDirectory(root), TimeProvider.System);
        using var analysis = new TextAnalysis();
        var builder = BenchIndex.NewBuilder(generations, analysis, root);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = CpuTime.ProcessSeconds();
        var watch = Stopwatch.StartNew();
        var metadata = builder.BuildAsync(articles, CancellationToken.None, full: full).GetAwaiter().GetResult();
        return new BuildResult(watch.Elapsed, CpuTime.ProcessSeconds() - cpu, metadata);
    }

    // What SegmentUpkeep weighs: segments and deleted documents left, and what merging them into one would add. The
    // merged copy is a data dir of its own, for the search comparison.
    private static string MergedCopy(string root, TimeSpan fullBuild)
    {
        var source = new IndexGenerations(new DataDirectory(root), TimeProvider.System);
        var copyRoot = NewRoot();
        var copy = new IndexGenerations(new DataDirectory(copyRoot), TimeProvider.System);
        var name = copy.NewGenerationName();
        System.IO.Directory.CreateDirectory(copy.PathOf(name));
        foreach (var file in System.IO.Directory.EnumerateFiles(source.PathOf(source.Current!)))
        {
            File.Copy(file, Path.Combine(copy.PathOf(name), Path.GetFileName(file)));
        }

        using (var target = FSDirectory.Open(copy.PathOf(name)))
        {
            using (var reader = DirectoryReader.Open(target))
            {
                Console.WriteLine(Invariant($"incremental generation: {reader.Leaves.Count} segment(s), {reader.NumDeletedDocs:N0} deleted of {reader.MaxDoc:N0} documents ({100.0 * reader.NumDeletedDocs / reader.MaxDoc:F1} %)"));
            }

            using var writer = new IndexWriter(target, new IndexWriterConfig(TextAnalysis.Version, null) { OpenMode = OpenMode.APPEND, MergePolicy = new LogByteSizeMergePolicy() });
            var cpu = CpuTime.ProcessSeconds();
            var watch = Stopwatch.StartNew();
            writer.ForceMerge(1);
            writer.Commit();
            Console.WriteLine(Invariant($"merging it into one segment: {watch.Elapsed.TotalSeconds:F2} s, {CpuTime.ProcessSeconds() - cpu:F2} CPU s more ({watch.Elapsed / fullBuild:F3} of the full build's wall time)"));
        }

        copy.Switch(name);
        return copyRoot;
    }

    private static void CompareSearch(string fullRoot, IReadOnlyList<(string Label, string Root)> candidates, IReadOnlyList<MixQuery> mix, int rounds, int warmup)
    {
        using var full = BenchIndex.Open(fullRoot);
        var baseline = LatencyRun.Run(full, mix, rounds, warmup).Service.Cpu;
        var rows = new List<(string Label, Percentiles Cpu)> { ("full build", baseline) };
        foreach (var (label, root) in candidates)
        {
            using var candidate = BenchIndex.Open(root);
            var same = mix.Where(query => TopTen(full, query).Select(h => h.Id).SequenceEqual(TopTen(candidate, query).Select(h => h.Id))).ToList();
            var tied = mix.Except(same).Count(query => SameUpToTies(TopTen(full, query), TopTen(candidate, query)));
            Console.WriteLine($"{label}: queries of the mix with the same top 10 ids as the full build: {same.Count} of {mix.Count}, " +
                $"{tied} more with the same scores and ids in another order among equal scores");
            foreach (var query in mix.Except(same).Take(3))
            {
                Console.WriteLine($"  `{query.Text}`: full {Describe(TopTen(full, query))}");
                Console.WriteLine($"  `{query.Text}`: this {Describe(TopTen(candidate, query))}");
            }

            rows.Add((label, LatencyRun.Run(candidate, mix, rounds, warmup).Service.Cpu));
        }

        Console.WriteLine();
        Console.WriteLine("| generation | SearchService thread CPU p50 / p99 ms | ratio p50 | ratio p99 |");
        Console.WriteLine("|---|---|---:|---:|");
        foreach (var (label, cpu) in rows)
        {
            Console.WriteLine(Invariant($"| {label} | {cpu.P50:F3} / {cpu.P99:F3} | {cpu.P50 / baseline.P50:F2} | {cpu.P99 / baseline.P99:F2} |"));
        }
    }

    private static List<SearchHit> TopTen(BenchIndex index, MixQuery query) => [.. index.Search.Search(new SearchRequest(query.Text)).Hits];

    private static bool SameUpToTies(List<SearchHit> expected, List<SearchHit> actual) =>
        expected.Select(h => h.Score).SequenceEqual(actual.Select(h => h.Score))
        && expected.GroupBy(h => h.Score).All(group => group.Select(h => h.Id).Order().SequenceEqual(actual.Where(h => h.Score == group.Key).Select(h => h.Id).Order()));

    private static string Describe(List<SearchHit> hits) => string.Join(" ", hits.Select(h => Invariant($"{h.Id[..6]}:{h.Score:G6}")));

    // The data dir gets the shipped synonyms before the first build, as the app's start does: added later, they would
    // count as changed synonyms and force a full build.
    private static string NewRoot()
    {
        var root = Path.Combine(BenchPaths.WorkDirectory, "runs", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(root);
        new DataDirectory(root).EnsureDefaults();
        return root;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
