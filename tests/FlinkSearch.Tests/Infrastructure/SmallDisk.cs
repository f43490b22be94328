using System.Diagnostics;
using Lucene.Net.Store;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>
/// A small file system to run out of space on: a size-limited tmpfs mounted for the test where the machine allows it
/// (root on Linux), else a plain folder whose index and crawl-store writes go through a byte budget that fails like a
/// full disk (<see cref="DiskBudget"/>). <see cref="How"/> says which one a run got; the test prints it.
/// Set <c>FLINKSEARCH_TEST_NO_MOUNT=1</c> to take the fallback on purpose.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private const string FillerName = "filler.bin";
    private readonly DiskBudget budget = new();

    private SmallDisk(string root, bool mounted, string how)
    {
        Root = root;
        IsMounted = mounted;
        How = how;
    }

    /// <summary>The mount point (or the plain folder of the fallback).</summary>
    public string Root { get; }

    public bool IsMounted { get; }

    public string How { get; }

    /// <summary>Opens index directories through the budget; null on a real small file system, which needs no help.</summary>
    public Func<string, Lucene.Net.Store.Directory>? IndexDirectories => IsMounted ? null : path => new BudgetDirectory(FSDirectory.Open(path), budget);

    /// <summary>Creates crawl-store files through the budget; null on a real small file system.</summary>
    public Func<string, Stream>? CrawlFiles => IsMounted ? null : path => new BudgetStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None), budget);

    public static SmallDisk Create(int megabytes, ITestOutputHelper? output = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "flinksearch-tests", "disk-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(root);
        var refusal = Environment.GetEnvironmentVariable("FLINKSEARCH_TEST_NO_MOUNT") == "1"
            ? "FLINKSEARCH_TEST_NO_MOUNT=1"
            : !OperatingSystem.IsLinux() ? "not Linux" : TryMount(root, megabytes);
        var disk = refusal is null
            ? new SmallDisk(root, mounted: true, $"a {megabytes} MB tmpfs mounted for the test")
            : new SmallDisk(root, mounted: false,
                $"NO real small file system ({refusal}): a fault-injecting Lucene Directory and crawl-store Stream stand in for a full disk");
        output?.WriteLine($"disk-full test on {disk.How}");
        return disk;
    }

    /// <summary>Uses up the space so that only about <paramref name="bytes"/> are left for writes.</summary>
    public void FillLeaving(long bytes)
    {
        if (!IsMounted)
        {
            budget.Limit(bytes);
            return;
        }

        var free = new DriveInfo(Root).AvailableFreeSpace - bytes;
        using var filler = new FileStream(Path.Combine(Root, FillerName), FileMode.Create, FileAccess.Write);
        var block = new byte[64 * 1024];
        for (; free > 0; free -= block.Length)
        {
            filler.Write(block, 0, (int)Math.Min(block.Length, free));
        }
    }

    /// <summary>Gives the space back.</summary>
    public void Free()
    {
        budget.Lift();
        File.Delete(Path.Combine(Root, FillerName));
    }

    public void Dispose()
    {
        if (IsMounted && Run("umount", Root) is not null)
        {
            // Still busy (a host not yet gone): detach now, the kernel frees it once the last file closes.
            Run("umount", "-l", Root);
        }

        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Files of a host still shutting down; the temp folder is cleaned by the OS eventually.
        }
    }

    private static string? TryMount(string root, int megabytes) =>
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0777", "tmpfs", root) is { } error ? $"mount failed: {error}" : null;

    /// <summary>Runs a command; null when it succeeded, else what it said.</summary>
    private static string? Run(string command, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }
}
