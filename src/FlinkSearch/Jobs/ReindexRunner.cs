using FlinkSearch.Hosting;
using FlinkSearch.Indexing;

namespace FlinkSearch.Jobs;

/// <summary>
/// One reindex: crawl every source URL, then build and switch to a new index generation. The scheduler, the admin API
/// and the <c>reindex</c> verb all run this, and a lock file keeps it to one run per data dir across processes.
/// </summary>
public sealed class ReindexRunner(DataDirectory data, IndexRebuilder rebuilder, TimeProvider time)
{
    public string LockPath => Path.Combine(data.Root, "jobs", "reindex.lock");

    /// <summary>Runs to the end and reports each step through <paramref name="update"/>; throws when the run fails.</summary>
    public async Task<ReindexRun> RunAsync(ReindexRun run, Action<ReindexRun> update, CancellationToken cancellationToken)
    {
        using var runLock = FileLock.TryAcquire(LockPath) ?? throw new ReindexBusyException();
        run = run with { State = ReindexState.Running, StartedAt = time.GetUtcNow().UtcDateTime };
        update(run);

        var metadata = await rebuilder.RebuildAsync(cancellationToken);
        return run with
        {
            State = ReindexState.Succeeded,
            EndedAt = time.GetUtcNow().UtcDateTime,
            Counts = run.Counts with { Indexed = metadata.Documents },
            Generation = metadata.Generation,
        };
    }
}

public sealed class ReindexBusyException() : Exception("A reindex is already running on this data directory.");
