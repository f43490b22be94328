using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FlinkSearch.Benchmarks.Measurements;
using FlinkSearch.Kernel;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Takedowns;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Benchmarks.Corpus;

/// <summary>
/// An index of the first N corpus documents, built with the app's own IndexBuilder into a data dir and served by its
/// own ServingIndex/SearchService. Kept on disk between runs, keyed by corpus and indexing code, because 100k takes minutes.
/// </summary>
public sealed class BenchIndex : IDisposable
{
    private const string KeyFile = "bench-key.txt";
    private const int ReplicatedUnit = 10_000;

    private BenchIndex(string root, TextAnalysis analysis, ServingIndex serving, IndexMetadata metadata)
    {
        Root = root;
        Analysis = analysis;
        Serving = serving;
        Metadata = metadata;
        var synonyms = Synonyms(root);
        var weights = Options.Create(RankingWeights.Default);
        Planner = new QueryPlanner(analysis, synonyms, weights);
        Queries = new QueryBuilder(weights);
        Search = new SearchService(serving, Planner, Queries, new SpellingCorrector(synonyms), Hidden(root), weights, TimeProvider.System);
    }

    public string Root { get; }
    public TextAnalysis Analysis { get; }
    public ServingIndex Serving { get; }
    public IndexMetadata Metadata { get; }
    public QueryPlanner Planner { get; }
    public QueryBuilder Queries { get; }
    public SearchService Search { get; }

    /// <summary>The app's synonym sets, read from the data dir after it gets the shipped synonyms.txt like a fresh volume.</summary>
    public static SynonymDictionary Synonyms(string root)
    {
        var data = new DataDirectory(root);
        data.EnsureDefaults();
        return new SynonymDictionary(data, TimeProvider.System, NullLogger<SynonymDictionary>.Instance);
    }

    /// <summary>The takedown filter over a data dir (none are hidden in bench data dirs).</summary>
    public static HiddenArticles Hidden(string root) => new(new TakedownList(new DataDirectory(root), TimeProvider.System));

    /// <summary>The app's IndexBuilder over a data dir, with the synonym sets that data dir gets.</summary>
    public static IndexBuilder NewBuilder(IndexGenerations generations, TextAnalysis analysis, string root) =>
        new(generations, new FreeSpaceGuard(generations, Options.Create(new IndexSettings())), analysis, Synonyms(root), TimeProvider.System, NullLogger<IndexBuilder>.Instance);

    public static BenchIndex Open(ArticleCorpus corpus, int documents) => Open(Prepare(corpus, documents));

    /// <summary>Serves the current generation of an existing data dir.</summary>
    public static BenchIndex Open(string root)
    {
        var analysis = new TextAnalysis();
        var data = new DataDirectory(root);
        var serving = new ServingIndex(new IndexGenerations(data, TimeProvider.System), NullLogger<ServingIndex>.Instance);
        serving.Refresh();
        return new BenchIndex(root, analysis, serving, serving.Metadata!);
    }

    /// <summary>A data dir serving the first <paramref name="documents"/> documents; built unless an identical one exists.</summary>
    public static string Prepare(ArticleCorpus corpus, int documents, string? root = null)
    {
        var key = Key(corpus, documents);
        root ??= Path.Combine(BenchPaths.WorkDirectory, $"{documents}-{key[..12]}");
        var data = new DataDirectory(root);
        var generations = new IndexGenerations(data, TimeProvider.System);
        var keyPath = Path.Combine(root, KeyFile);
        if (generations.Current is not null && File.Exists(keyPath) && File.ReadAllText(keyPath) == key)
        {
            return root;
        }

        System.IO.Directory.CreateDirectory(root);
        File.Delete(keyPath);
        if (IsReplicated(documents))
        {
            Replicate(Prepare(corpus, ReplicatedUnit), generations, documents);
            File.WriteAllText(keyPath, key);
            return root;
        }

        Console.Error.WriteLine($"bench: building an index of {documents:N0} documents in {root} (kept for later runs)");
        using var analysis = new TextAnalysis();
        var builder = NewBuilder(generations, analysis, root);
        var articles = corpus.Take(documents);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        builder.BuildAsync(articles, CancellationToken.None).GetAwaiter().GetResult();
        watch.Stop();
        File.WriteAllText(keyPath, key);
        var built = new IndexingResult("IndexBuilder (SmartCn)", documents, IndexingRun.TextBytes(articles), watch.Elapsed,
            IndexingRun.SizeOf(generations.PathOf(generations.Current!)));
        Console.Error.WriteLine($"bench: built {documents:N0} documents in {watch.Elapsed.TotalSeconds:F1} s: " +
            $"{built.DocumentsPerSecond:F0} docs/s, {built.MegabytesPerSecond:F2} MB/s, {built.IndexBytes / 1_048_576.0:F1} MiB on disk " +
            $"({built.IndexBytesPerThousand / 1_048_576.0:F2} MiB per 1,000 documents)");
        return root;
    }

    /// <summary>How the index of this size is made, for the reports.</summary>
    public static string Describe(int documents) => IsReplicated(documents)
        ? $"{documents:N0} ({ReplicatedUnit:N0} distinct × {documents / ReplicatedUnit})"
        : $"{documents:N0}";

    // Beyond 10k the index is the 10k index added N times: SmartCn indexes ~100 documents/s on the shared 2-core
    // machine, so 100k distinct documents would take hours. Postings and stored fields still grow N-fold.
    private static bool IsReplicated(int documents) => documents > ReplicatedUnit && documents % ReplicatedUnit == 0;

    private static void Replicate(string unitRoot, IndexGenerations generations, int documents)
    {
        var unit = new IndexGenerations(new DataDirectory(unitRoot), TimeProvider.System);
        using var unitServing = new ServingIndex(unit, NullLogger<ServingIndex>.Instance);
        unitServing.Refresh();
        var synonymsVersion = unitServing.Metadata!.SynonymsVersion;
        var copies = documents / ReplicatedUnit;
        Console.Error.WriteLine($"bench: making an index of {documents:N0} documents from {copies} copies of the {ReplicatedUnit:N0}-document index");
        var name = generations.NewGenerationName();
        using (var source = FSDirectory.Open(unit.PathOf(unit.Current!)))
        using (var target = FSDirectory.Open(generations.PathOf(name)))
        using (var analysis = new TextAnalysis())
        using (var writer = new IndexWriter(target, new IndexWriterConfig(TextAnalysis.Version, analysis.Analyzer) { OpenMode = OpenMode.CREATE }))
        {
            for (var i = 0; i < copies; i++)
            {
                writer.AddIndexes(source); // one directory per call: Lucene refuses the same directory twice in one call
            }

            writer.ForceMerge(1); // as IndexBuilder does
            writer.SetCommitData(new IndexMetadata(name, DateTimeOffset.UtcNow, documents, documents, synonymsVersion).ToCommitData());
            writer.Commit();
        }

        VerifiedGeneration.VerifyAndRecord(name, generations.PathOf(name), CancellationToken.None); // as IndexBuilder does
        generations.Switch(name);
    }

    public void Dispose()
    {
        Serving.Dispose();
        Analysis.Dispose();
    }

    // What decides the index contents: the indexing code (the app's Indexing folder as checked out, which is what the
    // runner was built from), the Lucene.Net build, the corpus and the size. Search-side changes reuse the index.
    private static string Key(ArticleCorpus corpus, int documents)
    {
        var sources = System.IO.Directory.EnumerateFiles(Path.Combine(BenchPaths.RepositoryRoot, "src", "FlinkSearch", "Indexing"), "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText);
        var text = string.Join("|", [typeof(IndexWriter).Assembly.FullName, IsReplicated(documents) ? "replicated" : "distinct", corpus.Description, documents.ToString(CultureInfo.InvariantCulture), .. sources]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
