using System.Security.Cryptography;
using System.Text;
using FlinkSearch.Benchmarks.Measurements;
using FlinkSearch.Hosting;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Benchmarks.Corpus;

/// <summary>
/// An index of the first N corpus documents, built with the app's own IndexBuilder into a data dir and served by its
/// own ServingIndex/SearchService. Kept on disk between runs, keyed by corpus and app build, because 100k takes minutes.
/// </summary>
public sealed class BenchIndex : IDisposable
{
    private const string KeyFile = "bench-key.txt";

    private BenchIndex(string root, TextAnalysis analysis, ServingIndex serving, IndexMetadata metadata)
    {
        Root = root;
        Analysis = analysis;
        Serving = serving;
        Metadata = metadata;
        Queries = new QueryBuilder(analysis);
        // The response cache is off: every timed call does the whole search (the HTTP load script measures it on and off).
        var noCache = new SearchResponseCache(Options.Create(new SearchOptions { ResponseCacheEntries = 0 }), TimeProvider.System);
        Search = new SearchService(serving, Queries, new SnippetHighlighter(analysis), new QueryStatistics(), noCache, TimeProvider.System);
    }

    public string Root { get; }
    public TextAnalysis Analysis { get; }
    public ServingIndex Serving { get; }
    public IndexMetadata Metadata { get; }
    public QueryBuilder Queries { get; }
    public SearchService Search { get; }

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

        Console.Error.WriteLine($"bench: building an index of {documents:N0} documents in {root} (kept for later runs)");
        Directory.CreateDirectory(root);
        File.Delete(keyPath);
        using var analysis = new TextAnalysis();
        var builder = new IndexBuilder(generations, analysis, TimeProvider.System, NullLogger<IndexBuilder>.Instance);
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

    public void Dispose()
    {
        Serving.Dispose();
        Analysis.Dispose();
    }

    // The app assembly's MVID changes whenever its code does (deterministic builds), so an index from old code is not reused.
    private static string Key(ArticleCorpus corpus, int documents)
    {
        var text = $"{typeof(IndexBuilder).Assembly.ManifestModule.ModuleVersionId}|{corpus.Description}|{documents}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
