using System.Diagnostics;
using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Tests.Indexing;

/// <summary>
/// A generation a reader holds open (another server that has not switched yet, or searches still running on it) is
/// leased, and cleanup leaves it alone until the lease is released.
/// </summary>
public sealed class GenerationLeaseTests : IDisposable
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly IndexGenerations generations;

    public GenerationLeaseTests() => generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);

    public void Dispose() => data.Dispose();

    private async Task<string> BuildAsync(int articles) => (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(articles))).Generation;

    private bool Exists(string generation) => Directory.Exists(generations.PathOf(generation));

    [Fact]
    public async Task A_server_that_has_not_switched_keeps_its_generation_through_two_builds_and_loses_it_after_switching()
    {
        var first = await BuildAsync(10);
        using var lagging = new ServingIndex(generations, NullLogger<ServingIndex>.Instance);
        Assert.Equal(RefreshOutcome.Switched, lagging.Refresh());

        // Two builds elsewhere: the first generation is neither current nor previous any more, but still served here.
        await BuildAsync(11);
        var third = await BuildAsync(12);
        var cleanup = generations.DeleteUnused();

        Assert.True(Exists(first));
        Assert.Equal([first], cleanup.InUse);
        Assert.True(lagging.TryAcquire(out var search));
        using (search)
        {
            Assert.Equal(10, search.Searcher.IndexReader.NumDocs);
        }

        // Switching releases the lease once no search holds the old generation; the next build's cleanup deletes it.
        Assert.Equal(RefreshOutcome.Switched, lagging.Refresh());
        Assert.Equal(third, lagging.Metadata!.Generation);
        await BuildAsync(13);

        Assert.False(Exists(first));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(generations.Root, "leases"), first + "*"));
    }

    [Fact]
    public async Task A_search_running_on_a_switched_away_generation_keeps_it_until_the_search_ends()
    {
        var first = await BuildAsync(10);
        using var serving = new ServingIndex(generations, NullLogger<ServingIndex>.Instance);
        serving.Refresh();
        Assert.True(serving.TryAcquire(out var search));

        await BuildAsync(11);
        serving.Refresh();
        await BuildAsync(12);
        serving.Refresh();
        Assert.Equal([first], generations.DeleteUnused().InUse);

        search.Dispose();
        Assert.Equal([first], generations.DeleteUnused().Deleted);
    }

    /// <summary>
    /// The lease is flock's shared lock, and cleanup's probe its exclusive one: util-linux's flock(1) holding the lease
    /// from another process keeps the generation, and once it exits the generation goes.
    /// </summary>
    [Fact]
    public async Task A_lease_held_by_another_process_keeps_the_generation_until_that_process_lets_go()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await BuildAsync(10);
        await BuildAsync(11);
        await BuildAsync(12);
        var leasePath = Path.Combine(generations.Root, "leases", first + ".lease");
        Directory.CreateDirectory(Path.GetDirectoryName(leasePath)!);

        // flock -s holds the shared lock while cat waits on its standard input; closing it lets both end.
        using var holder = StartFlock(leasePath);
        await Eventually.TrueAsync(() => HeldElsewhere(leasePath), ct);

        Assert.Equal([first], generations.DeleteUnused().InUse);
        Assert.True(Exists(first));

        holder.StandardInput.Close();
        await holder.WaitForExitAsync(ct);
        Assert.Equal([first], generations.DeleteUnused().Deleted);
        Assert.False(File.Exists(leasePath));
    }

    [Fact]
    public async Task A_generation_being_deleted_cannot_be_leased_and_a_stray_lease_file_is_removed()
    {
        var first = await BuildAsync(10);
        var leases = Path.Combine(generations.Root, "leases");
        using (var exclusive = FileLock.TryAcquire(Path.Combine(leases, first + ".lease")))
        {
            Assert.NotNull(exclusive);
            Assert.Null(generations.TryLease(first)); // what a reader meets while cleanup deletes the generation
        }

        // A reader that leased a name just after its generation was deleted leaves an empty lease file behind.
        Assert.Null(generations.TryLease("gen-20000101T000000000-abcdef"));
        Assert.True(File.Exists(Path.Combine(leases, "gen-20000101T000000000-abcdef.lease")));

        var cleanup = generations.DeleteUnused();

        Assert.Empty(cleanup.Deleted);
        Assert.Equal([first + ".lease"], Directory.EnumerateFiles(leases).Select(Path.GetFileName));
    }

    private static Process StartFlock(string path)
    {
        var info = new ProcessStartInfo("flock", ["--shared", path, "cat"]) { RedirectStandardInput = true, UseShellExecute = false };
        try
        {
            return Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("util-linux's flock(1) is not installed");
            throw;
        }
    }

    // True once the other process holds the lease: an exclusive lock on it is refused.
    private static bool HeldElsewhere(string path)
    {
        using var exclusive = FileLock.TryAcquire(path);
        return exclusive is null;
    }
}
