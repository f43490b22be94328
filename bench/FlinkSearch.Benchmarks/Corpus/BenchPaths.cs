namespace FlinkSearch.Benchmarks.Corpus;

/// <summary>Finds the repository (and the read-only <c>../shared/</c> beside it) from wherever the runner was started.</summary>
public static class BenchPaths
{
    public const string CorpusVariable = "FLINKSEARCH_BENCH_CORPUS";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string SourcesDirectory => Path.Combine(RepositoryRoot, "index-data", "sources");

    public static string QueriesFile => Path.Combine(RepositoryRoot, "bench", "queries.txt");

    /// <summary>The Flink Chinese docs: <c>$FLINKSEARCH_BENCH_CORPUS</c>, else <c>../shared/corpus/flink-docs-zh</c>; null when absent.</summary>
    public static string? FlinkDocs()
    {
        var configured = Environment.GetEnvironmentVariable(CorpusVariable);
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "flink-docs-zh"))
            : Path.GetFullPath(configured);
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>Where built benchmark indexes are kept between runs (outside the repository).</summary>
    public static string WorkDirectory => Path.Combine(Path.GetTempPath(), "flinksearch-bench");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FlinkSearch.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository: FlinkSearch.sln not found.");
    }
}
