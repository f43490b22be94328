namespace FlinkSearch.Kernel;

/// <summary>
/// The data root: committed source lists plus the generated crawl store and index.
/// Resolution: an explicit path (<c>--data-dir</c> or <c>Data:Directory</c>) resolves against the working directory;
/// otherwise the repository's <c>index-data/</c> when running from a clone, else <c>index-data/</c> beside the app.
/// </summary>
public sealed class DataDirectory
{
    public const string SolutionFile = "FlinkSearch.sln";
    public const string DefaultName = "index-data";

    public DataDirectory(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }
    public string SourcesPath => Path.Combine(Root, "sources");
    public string IndexPath => Path.Combine(Root, "index");
    public string CrawlPath => Path.Combine(Root, "crawl");
    public string SynonymsPath => Path.Combine(Root, "synonyms.txt");

    public static DataDirectory Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DataDirectory(Path.GetFullPath(configured, Directory.GetCurrentDirectory()));
        }

        for (var dir = new DirectoryInfo(Path.GetFullPath(contentRoot)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return new DataDirectory(Path.Combine(dir.FullName, DefaultName));
            }
        }

        return new DataDirectory(Path.Combine(AppContext.BaseDirectory, DefaultName));
    }

    /// <summary>Creates the data root if needed and proves it writable, so that a server fails at start, not at its first build.</summary>
    public void EnsureWritable()
    {
        var probe = Path.Combine(Root, $".write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(Root);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataDirectoryException(
                $"The data directory {Root} cannot be written ({e.Message}); give a writable one with --data-dir or Data__Directory.", e);
        }
    }

    /// <summary>Copies the defaults shipped with the app into a data dir that lacks them, so a fresh volume starts with the seed list.</summary>
    public void EnsureDefaults()
    {
        Directory.CreateDirectory(Root);
        var defaults = Path.Combine(AppContext.BaseDirectory, "defaults");
        var shippedSources = Path.Combine(defaults, "sources");
        if (!Directory.Exists(SourcesPath) && Directory.Exists(shippedSources))
        {
            Directory.CreateDirectory(SourcesPath);
            foreach (var file in Directory.EnumerateFiles(shippedSources, "*.md"))
            {
                File.Copy(file, Path.Combine(SourcesPath, Path.GetFileName(file)));
            }
        }

        var shippedSynonyms = Path.Combine(defaults, "synonyms.txt");
        if (!File.Exists(SynonymsPath) && File.Exists(shippedSynonyms))
        {
            File.Copy(shippedSynonyms, SynonymsPath);
        }
    }
}
