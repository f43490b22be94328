using System.Globalization;
using FlinkSearch.Kernel;

namespace FlinkSearch.Indexing;

/// <summary>
/// The on-disk layout of the index: one directory per build ("generation") and a pointer file naming the one to serve.
/// Switching is a rename of the pointer file, so a reader sees the old generation or the new one, never a partial one.
/// </summary>
public sealed class IndexGenerations(DataDirectory data, TimeProvider time)
{
    private const string CurrentPointer = "current";
    private const string PreviousPointer = "previous";
    private const string LockFile = "build.lock";
    private const string Prefix = "gen-";

    public string Root => data.IndexPath;

    public string PathOf(string generation) => Path.Combine(Root, generation);

    /// <summary>The generation to serve, or null when none was ever completed (or its directory is gone).</summary>
    public string? Current => ReadPointer(CurrentPointer);

    public string? Previous => ReadPointer(PreviousPointer);

    public string NewGenerationName() =>
        Prefix + time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>Points readers at <paramref name="generation"/>; the one it replaces is kept for rollback.</summary>
    public void Switch(string generation)
    {
        var old = Current;
        if (old is not null && old != generation)
        {
            WritePointer(PreviousPointer, old);
        }

        WritePointer(CurrentPointer, generation);
    }

    /// <summary>Deletes generations that are neither current nor previous: leftovers of crashed or superseded builds.</summary>
    public IReadOnlyList<string> DeleteUnused()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var keep = new HashSet<string?>([Current, Previous]);
        var deleted = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(Root, Prefix + "*"))
        {
            var name = Path.GetFileName(dir);
            if (keep.Contains(name))
            {
                continue;
            }

            try
            {
                Directory.Delete(dir, recursive: true);
                deleted.Add(name);
            }
            catch (IOException)
            {
                // Still open somewhere (another process mid-read); the next build tries again.
            }
        }

        return deleted;
    }

    /// <summary>One builder at a time per data dir, across processes (CLI and server).</summary>
    public IDisposable AcquireBuildLock() =>
        FileLock.TryAcquire(Path.Combine(Root, LockFile)) ?? throw new IndexBusyException("Another index build is running on this data directory.");

    private string? ReadPointer(string name)
    {
        try
        {
            var value = File.ReadAllText(Path.Combine(Root, name)).Trim();
            return value.StartsWith(Prefix, StringComparison.Ordinal) && Directory.Exists(PathOf(value)) ? value : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private void WritePointer(string name, string generation)
    {
        var target = Path.Combine(Root, name);
        var temp = target + ".tmp-" + Environment.ProcessId;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(generation);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, target, overwrite: true);
    }
}

public sealed class IndexBusyException(string message) : Exception(message);
