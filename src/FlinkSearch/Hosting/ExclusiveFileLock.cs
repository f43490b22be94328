namespace FlinkSearch.Hosting;

/// <summary>
/// A lock file held open exclusively: one holder across processes (the CLI and the server share a data dir).
/// The OS releases it when the holder dies, so a killed process never leaves a stale lock.
/// </summary>
public static class ExclusiveFileLock
{
    public static IDisposable? TryAcquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
