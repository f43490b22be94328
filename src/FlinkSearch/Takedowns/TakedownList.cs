using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FlinkSearch.Kernel;

namespace FlinkSearch.Takedowns;

/// <summary>
/// <c>&lt;data-dir&gt;/hidden.json</c>: the articles taken out of search. A change is read, applied and written back
/// under a lock file and renamed into place, so a server and a <c>hide</c> verb never lose each other's entries. The
/// file's stamp is looked at no more than every <see cref="CheckInterval"/>, so another process's change applies within a second.
/// </summary>
public sealed class TakedownList(DataDirectory data, TimeProvider time)
{
    public const string FileName = "hidden.json";
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly Lock gate = new();
    private volatile Snapshot current = Snapshot.Empty;
    private long nextCheckTicks = long.MinValue;

    public string FilePath => Path.Combine(data.Root, FileName);

    /// <summary>The list as it is now; a new instance whenever it changed, so callers may key caches on it.</summary>
    public Snapshot Current
    {
        get
        {
            var now = time.GetUtcNow().UtcTicks;
            if (now >= Interlocked.Read(ref nextCheckTicks) && gate.TryEnter())
            {
                try
                {
                    Interlocked.Exchange(ref nextCheckTicks, now + CheckInterval.Ticks);
                    ReloadIfChanged();
                }
                finally
                {
                    gate.Exit();
                }
            }

            return current;
        }
    }

    /// <summary>Hides the article (or changes the reason of an existing takedown); true when it was not hidden before.</summary>
    public bool Hide(string id, string reason, string? url = null, string? title = null)
    {
        var added = false;
        Change(list =>
        {
            var existing = list.FindIndex(t => t.Id == id);
            var takedown = new Takedown(id, reason, existing >= 0 ? list[existing].HiddenAt : time.GetUtcNow(), url ?? (existing >= 0 ? list[existing].Url : null),
                title ?? (existing >= 0 ? list[existing].Title : null));
            if (existing >= 0)
            {
                list[existing] = takedown;
            }
            else
            {
                list.Add(takedown);
                added = true;
            }
        });
        return added;
    }

    /// <summary>Shows the article again; false when it was not hidden.</summary>
    public bool Unhide(string id)
    {
        var removed = false;
        Change(list => removed = list.RemoveAll(t => t.Id == id) > 0);
        return removed;
    }

    private void Change(Action<List<Takedown>> change)
    {
        lock (gate)
        {
            Directory.CreateDirectory(data.Root);
            using var fileLock = FileLock.Acquire(FilePath + ".lock", LockTimeout);
            var list = Read(FilePath).ToList();
            change(list);
            var temp = FilePath + ".tmp-" + Environment.ProcessId;
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, list, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, FilePath, overwrite: true);
            current = new Snapshot(list, Stamp(FilePath));
        }
    }

    private void ReloadIfChanged()
    {
        var stamp = Stamp(FilePath);
        if (stamp == current.Stamp)
        {
            return;
        }

        try
        {
            current = new Snapshot(Read(FilePath), stamp);
        }
        catch (IOException)
        {
            // Edited by hand and broken (or being written by an editor): the last good list stays in force.
        }
    }

    private static (DateTime, long)? Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : null;
    }

    private static IReadOnlyList<Takedown> Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<List<Takedown>>(File.ReadAllText(path), Json) ?? [];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (JsonException e)
        {
            throw new IOException($"{path} is not a valid takedown list ({e.Message}); fix or remove it.", e);
        }
    }

    /// <summary>The takedowns at one moment, with the ids for lookups.</summary>
    public sealed class Snapshot(IReadOnlyList<Takedown> takedowns, (DateTime, long)? stamp)
    {
        public static readonly Snapshot Empty = new([], null);

        private static long versions;
        private readonly HashSet<string> ids = [.. takedowns.Select(t => t.Id)];

        /// <summary>Tells snapshots of this process apart (cache keys).</summary>
        public long Version { get; } = Interlocked.Increment(ref versions);

        public IReadOnlyList<Takedown> Takedowns => takedowns;

        public IReadOnlySet<string> Ids => ids;

        internal (DateTime, long)? Stamp => stamp;

        public bool Contains(string id) => ids.Contains(id);
    }
}
