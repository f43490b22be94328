namespace FlinkSearch.Hosting;

/// <summary>A lock file held open exclusively and deleted on close: one holder at a time, across processes.</summary>
public static class FileLock
{
    /// <summary>The held lock, or null when someone else holds it.</summary>
    public static IDisposable? TryAcquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
