using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Tests.Indexing;

/// <summary>An index build on a file system that runs out of space, for real where the machine lets the test mount one.</summary>
public sealed class DiskFullBuildTests : IDisposable
{
    private readonly SmallDisk disk = SmallDisk.Create(megabytes: 16, TestContext.Current.TestOutputHelper);
    private readonly TempDataDirectory data;
    private readonly IndexGenerations generations;

    public DiskFullBuildTests()
    {
        data = new TempDataDirectory(withSeed: false, parent: disk.Root);
        generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);
    }

    public void Dispose()
    {
        data.Dispose();
        disk.Dispose();
    }

    private Task<IndexMetadata> BuildAsync(List<IndexableArticle> articles, bool full = false, IndexSettings? settings = null) =>
        BuiltIndex.BuildAsync(data, articles, full, disk.IndexDirectories, settings ?? new IndexSettings { MinFreeSpace = "0" });

    private Dictionary<string, byte[]> FilesOf(string generation) =>
        Directory.EnumerateFiles(generations.PathOf(generation)).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    private string[] GenerationDirectories() => [.. Directory.EnumerateDirectories(generations.Root, "gen-*").Select(Path.GetFileName)!];

    public static TheoryData<string> Builds => ["full", "incremental, carried-over segment merged with the new one"];

    [Theory]
    [MemberData(nameof(Builds))]
    public async Task A_build_that_runs_out_of_space_fails_as_disk_full_leaves_the_served_generation_alone_and_succeeds_once_space_is_back(string build)
    {
        var served = (await BuildAsync(BuiltIndex.Articles(30))).Generation;
        var before = FilesOf(served);
        // Incremental: a quarter of the carried-over articles changed, so the build copies, adds and then merges.
        var next = build == "full" ? BuiltIndex.Articles(90) : BuiltIndex.Articles(90, changed: 8);
        disk.FillLeaving(48 * 1024);

        var error = await Assert.ThrowsAsync<DiskFullException>(() => BuildAsync(next, full: build == "full"));

        Assert.StartsWith(DiskFullException.Reason + ":", error.Message, StringComparison.Ordinal);
        Assert.Equal(served, generations.Current);
        Assert.Equal([served], GenerationDirectories());
        Assert.DoesNotContain(Directory.EnumerateFiles(generations.Root), f => f.Contains(".tmp-", StringComparison.Ordinal));
        Assert.Equal(before, FilesOf(served));
        var (directory, reader, _) = VerifiedGeneration.Open(served, generations.PathOf(served), trustRecord: false);
        reader.Dispose();
        directory.Dispose();

        disk.Free();
        var rebuilt = await BuildAsync(next, full: build == "full");
        Assert.Equal(rebuilt.Generation, generations.Current);
        Assert.Equal(90, rebuilt.Documents);
    }

    [Fact]
    public async Task A_build_is_refused_before_it_writes_anything_when_free_space_is_under_Index_MinFreeSpace()
    {
        var served = (await BuildAsync(BuiltIndex.Articles(10))).Generation;
        var margin = generations.AvailableFreeSpace() + (1L << 30);

        var error = await Assert.ThrowsAsync<DiskFullException>(() => BuildAsync(BuiltIndex.Articles(20), settings: new IndexSettings { MinFreeSpace = $"{margin}" }));

        Assert.Contains("Index:MinFreeSpace", error.Message, StringComparison.Ordinal);
        Assert.Equal([served], GenerationDirectories());
    }

    [Fact]
    public async Task By_default_a_build_needs_twice_the_served_generation_free()
    {
        var served = (await BuildAsync(BuiltIndex.Articles(30))).Generation;
        var size = generations.SizeOf(served);
        var guard = new FreeSpaceGuard(generations, Options.Create(new IndexSettings()));

        Assert.Equal(2 * size, guard.RequiredBytes());
        if (!disk.IsMounted)
        {
            TestContext.Current.TestOutputHelper?.WriteLine("without a small file system only the margin is checked, not a refusal on it");
            return;
        }

        disk.FillLeaving(size);
        var error = Assert.Throws<DiskFullException>(guard.EnsureRoomForBuild);
        Assert.StartsWith(DiskFullException.Reason + ":", error.Message, StringComparison.Ordinal);
        disk.Free();
        guard.EnsureRoomForBuild();
    }
}
