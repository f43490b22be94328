using System.Globalization;
using FlinkSearch.Kernel;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace FlinkSearch.Indexing;

/// <summary>
/// The on-disk layout of the index: one directory per build ("generation") and a pointer file naming the one to serve.
/// Switching is a rename of the pointer file, so a reader sees the old generation or the new one, never a partial one.
/// </summary>
/// <param name="openDirectory">Opens a generation's directory for writing; Lucene's file system directory unless a test injects faults.</param>
public sealed class IndexGenerations(DataDirectory data, TimeProvider time, Func<string, LuceneDirectory>? openDirectory = null)
{
    private const string CurrentPointer = "current";
    private const string PreviousPointer = "previous";
    private const string LockFile = "build.lock";
    private const string LeasesFolder = "leases";
    private const string LeaseExtension = ".lease";
    private const string Prefix = "gen-";

    // What NewGenerationName writes after the prefix; anything else in a pointer is damage (or a path trick).
    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzT-");

    public string Root => data.IndexPath;

    public string PathOf(string generation) => Path.Combine(Root, generation);

    /// <summary>The generation to serve, or null when none was ever completed (or its directory is gone).</summary>
    public string? Current => ReadPointer(CurrentPointer);

    public string? Previous => ReadPointer(PreviousPointer);

    /// <summary>Why the current pointer names no generation although it exists (emptied, garbled, naming a missing directory); null otherwise.</summary>
    public string? CurrentPointerDamage
    {
        get
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(Root, CurrentPointer)).Trim();
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }
            catch (IOException e)
            {
                return $"the current pointer cannot be read ({e.Message})";
            }

            return text switch
            {
                "" => "the current pointer is empty",
                _ when !IsGenerationName(text) => "the current pointer does not name a generation",
                _ when !Directory.Exists(PathOf(text)) => $"the current pointer names {text}, which does not exist",
                _ => null,
            };
        }
    }

    public string NewGenerationName() =>
        Prefix + time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A new generation's directory, for its build to write.</summary>
    public LuceneDirectory OpenForWriting(string generation) =>
        openDirectory?.Invoke(PathOf(generation)) ?? Lucene.Net.Store.FSDirectory.Open(PathOf(generation));

    /// <summary>
    /// Points readers at <paramref name="generation"/>. The one it replaces is kept for rollback, unless it is
    /// <paramref name="damaged"/>: then the rollback target stays the one before it.
    /// </summary>
    public void Switch(string generation, bool damaged = false)
    {
        var old = Current;
        if (old is not null && old != generation && !damaged)
        {
            WritePointer(PreviousPointer, old);
        }

        WritePointer(CurrentPointer, generation);
    }

    /// <summary>Bytes on disk of <paramref name="generation"/>; 0 when it is gone.</summary>
    public long SizeOf(string generation)
    {
        var path = PathOf(generation);
        return Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length) : 0;
    }

    /// <summary>Bytes free to this process on the file system the index lives on.</summary>
    public long AvailableFreeSpace()
    {
        var existing = new DirectoryInfo(Root);
        while (!existing.Exists && existing.Parent is not null)
        {
            existing = existing.Parent;
        }

        return new DriveInfo(existing.FullName).AvailableFreeSpace;
    }

    /// <summary>
    /// Deletes generations that are neither current nor previous (leftovers of crashed or superseded builds), except
    /// those a reader holds a lease on: another server that has not switched yet, or searches still running on one.
    /// Called under the build lock, so no pointer moves meanwhile.
    /// </summary>
    public GenerationCleanup DeleteUnused()
    {
        if (!Directory.Exists(Root))
        {
            return new GenerationCleanup([], []);
        }

        var keep = new HashSet<string?>([Current, Previous]);
        var deleted = new List<string>();
        var inUse = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(Root, Prefix + "*"))
        {
            var name = Path.GetFileName(dir);
            if (keep.Contains(name))
            {
                continue;
            }

            // Held while deleting: a reader that leases it afterwards finds the directory gone (see TryLease).
            using var unleased = FileLock.TryAcquire(LeasePathOf(name));
            if (unleased is null)
            {
                inUse.Add(name);
                continue;
            }

            try
            {
                Directory.Delete(dir, recursive: true);
                File.Delete(LeasePathOf(name));
                deleted.Add(name);
            }
            catch (IOException)
            {
                // Not deletable now (a file system error); the next build tries again.
            }
        }

        DeleteStrayLeases();
        return new GenerationCleanup(deleted, inUse);
    }

    /// <summary>
    /// A reader's hold on <paramref name="generation"/> while it has it open: a shared lock on its lease file under
    /// <c>index/leases/</c> (beside the generation, so its files and verification record stay as built), released by
    /// the OS if the process dies. Null when the generation is gone or being deleted.
    /// </summary>
    public IDisposable? TryLease(string generation)
    {
        var lease = FileLock.TryAcquireShared(LeasePathOf(generation));
        if (lease is not null && !Directory.Exists(PathOf(generation)))
        {
            lease.Dispose();
            return null;
        }

        return lease;
    }

    private string LeasePathOf(string generation) => Path.Combine(Root, LeasesFolder, generation + LeaseExtension);

    // A lease file outlives its generation when a reader created it just after the generation was deleted.
    private void DeleteStrayLeases()
    {
        var leases = Path.Combine(Root, LeasesFolder);
        if (!Directory.Exists(leases))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(leases, "*" + LeaseExtension))
        {
            if (Directory.Exists(PathOf(Path.GetFileNameWithoutExtension(path))))
            {
                continue;
            }

            using var unleased = FileLock.TryAcquire(path);
            if (unleased is not null)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>One builder at a time per data dir, across processes (CLI and server).</summary>
    public IDisposable AcquireBuildLock() =>
        FileLock.TryAcquire(Path.Combine(Root, LockFile)) ?? throw new IndexBusyException("Another index build is running on this data directory.");

    private static bool IsGenerationName(string text) =>
        text.StartsWith(Prefix, StringComparison.Ordinal) && text.AsSpan(Prefix.Length).IndexOfAnyExcept(NameCharacters) < 0;

    private string? ReadPointer(string name)
    {
        try
        {
            var value = File.ReadAllText(Path.Combine(Root, name)).Trim();
            return IsGenerationName(value) && Directory.Exists(PathOf(value)) ? value : null;
        }
        catch (IOException)
        {
            // Missing (nothing built yet) or unreadable: CurrentPointerDamage tells which.
            return null;
        }
    }

    private void WritePointer(string name, string generation)
    {
        var target = Path.Combine(Root, name);
        var temp = target + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(generation);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}

public sealed class IndexBusyException(string message) : Exception(message);

/// <summary>What <see cref="IndexGenerations.DeleteUnused"/> did: the generations deleted, and those kept because a reader leases them.</summary>
public sealed record GenerationCleanup(IReadOnlyList<string> Deleted, IReadOnlyList<string> InUse);
