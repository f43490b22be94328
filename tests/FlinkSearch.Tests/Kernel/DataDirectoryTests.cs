using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Kernel;

public sealed class DataDirectoryTests
{
    [Fact]
    public void Default_is_the_repositorys_index_data_when_running_from_a_clone()
    {
        var data = DataDirectory.Resolve(null, Path.Combine(RepositoryPaths.Root, "src", "FlinkSearch"));

        Assert.Equal(Path.Combine(RepositoryPaths.Root, "index-data"), data.Root);
    }

    [Fact]
    public void Default_outside_a_clone_is_index_data_beside_the_app()
    {
        var data = DataDirectory.Resolve("", Path.GetTempPath());

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "index-data"), data.Root);
    }

    [Fact]
    public void An_explicit_relative_path_resolves_against_the_working_directory()
    {
        var data = DataDirectory.Resolve("some/data", RepositoryPaths.Root);

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "some", "data"), data.Root);
    }

    [Fact]
    public void A_fresh_data_dir_gets_the_shipped_source_lists()
    {
        using var temp = new TempDataDirectory(withSeed: false);
        var root = Path.Combine(temp.Root, "fresh-volume");
        var data = new DataDirectory(root);

        data.EnsureDefaults();

        Assert.Equal(File.ReadAllText(RepositoryPaths.SeedList), File.ReadAllText(Path.Combine(root, "sources", "flink.md")));
    }

    [Fact]
    public void Existing_sources_are_never_overwritten()
    {
        using var temp = new TempDataDirectory(withSeed: false);
        temp.WriteSource("mine.md", "* [Mine](https://example.com/mine)");

        new DataDirectory(temp.Root).EnsureDefaults();

        Assert.Equal(["mine.md"], Directory.EnumerateFiles(temp.SourcesPath).Select(Path.GetFileName));
    }
}
