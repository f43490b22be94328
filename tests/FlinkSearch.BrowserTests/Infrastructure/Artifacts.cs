using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.BrowserTests.Infrastructure;

/// <summary>Where the browser tests leave screenshots for a person to look at: <c>test-artifacts/</c> (git-ignored).</summary>
public static class Artifacts
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(
        Path.Combine(RepositoryPaths.Root, "test-artifacts", "screenshots")).FullName;

    public static string Screenshot(string name) => Path.Combine(Directory, name + ".png");
}
