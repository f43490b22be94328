namespace FlinkSearch.Tests.Infrastructure;

/// <summary>Locates the repository (and the read-only <c>../shared/</c> beside it) from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedList => Path.Combine(Root, "index-data", "sources", "flink.md");

    /// <summary><c>../shared/&lt;relative&gt;</c> when present, else null (tests that need it skip).</summary>
    public static string? Shared(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", relative));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlinkSearch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FlinkSearch.sln not found above the test binaries.");
    }
}
