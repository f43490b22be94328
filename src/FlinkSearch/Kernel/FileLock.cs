namespace FlinkSearch.Kernel;

/// <summary>
/// A lock file held open exclusively: one holder at a time, across processes; the OS releases it when the holder
/// dies, so a killed process never leaves a stale lock. The file is left in place: deleting it on close would let a
/// process that opened it just before the delete lock the orphaned file while another locks a new one.
/// </summary>
public static class FileLock
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>The held lock, or null when someone else holds it.</summary>
    public static IDisposable? TryAcquire(string path) => TryOpen(path, FileAccess.ReadWrite, FileShare.None);

    /// <summary>
    /// A shared hold (flock's LOCK_SH): any number at once, none while someone holds <see cref="TryAcquire"/>; null while
    /// someone does. Opened read-only because .NET takes LOCK_SH for every FileShare but None, but with write access
    /// skips it on NFS and SMB; a reader never needs to write the file.
    /// </summary>
    public static IDisposable? TryAcquireShared(string path) => TryOpen(path, FileAccess.Read, FileShare.ReadWrite);

    /// <summary>The held lock, waiting for a holder that keeps it briefly (a file rewrite); throws after <paramref name="timeout"/>.</summary>
    public static IDisposable Acquire(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (TryAcquire(path) is { } held)
            {
                return held;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new IOException($"{path} stayed locked for {timeout.TotalSeconds:F0} s.");
            }

            Thread.Sleep(RetryInterval);
        }
    }

    // .NET on Linux turns FileShare.None into flock(LOCK_EX) and any other FileShare into LOCK_SH, both non-blocking.
    private static FileStream? TryOpen(string path, FileAccess access, FileShare share)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, access, share, 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
