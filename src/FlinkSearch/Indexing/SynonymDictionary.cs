using FlinkSearch.Kernel;

namespace FlinkSearch.Indexing;

/// <summary>
/// The data dir's <c>synonyms.txt</c>, applied at query time. The file's timestamp is looked at no more than every
/// <see cref="CheckInterval"/>, so an edit is in effect within seconds, with no reindex and no restart.
/// </summary>
public sealed partial class SynonymDictionary(DataDirectory data, TimeProvider time, ILogger<SynonymDictionary> logger)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private readonly Lock reloadLock = new();
    private volatile Loaded current = new(SynonymSets.Empty, null);
    private long nextCheckTicks = long.MinValue;

    public SynonymSets Current
    {
        get
        {
            var now = time.GetUtcNow().UtcTicks;
            if (now >= Interlocked.Read(ref nextCheckTicks) && reloadLock.TryEnter())
            {
                try
                {
                    Interlocked.Exchange(ref nextCheckTicks, now + CheckInterval.Ticks);
                    ReloadIfChanged();
                }
                finally
                {
                    reloadLock.Exit();
                }
            }

            return current.Sets;
        }
    }

    private void ReloadIfChanged()
    {
        var file = new FileInfo(data.SynonymsPath);
        var stamp = file.Exists ? (file.LastWriteTimeUtc, file.Length) : ((DateTime, long)?)null;
        if (stamp == current.Stamp)
        {
            return;
        }

        try
        {
            var sets = file.Exists ? SynonymSets.Parse(File.ReadLines(file.FullName)) : SynonymSets.Empty;
            current = new Loaded(sets, stamp);
            LogLoaded(file.FullName, sets.Sets.Count);
        }
        catch (IOException e)
        {
            // Half-written by an editor; the previous sets stay in use and the next check tries again.
            LogUnreadable(e, file.FullName);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} synonym sets from {Path}")]
    private partial void LogLoaded(string path, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read {Path}; keeping the previous synonyms")]
    private partial void LogUnreadable(Exception e, string path);

    private sealed record Loaded(SynonymSets Sets, (DateTime, long)? Stamp);
}
