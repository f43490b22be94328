namespace FlinkSearch.Tests.Infrastructure;

/// <summary>A data dir of a test's own, seeded with the committed source list unless told otherwise; deleted afterwards.</summary>
public sealed class TempDataDirectory : IDisposable
{
    /// <param name="parent">Where to create it (e.g. on a small file system); the temp folder by default.</param>
    public TempDataDirectory(bool withSeed = true, string? parent = null)
    {
        Root = Path.Combine(parent ?? Path.Combine(Path.GetTempPath(), "flinksearch-tests"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "sources"));
        if (withSeed)
        {
            File.Copy(RepositoryPaths.SeedList, Path.Combine(Root, "sources", "flink.md"));
        }
    }

    public string Root { get; }

    public string SourcesPath => Path.Combine(Root, "sources");

    public void WriteSource(string fileName, string markdown) => File.WriteAllText(Path.Combine(SourcesPath, fileName), markdown);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a host that is shutting down; the temp folder is cleaned by the OS eventually.
        }
    }
}
