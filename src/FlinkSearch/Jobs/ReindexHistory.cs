using System.Text.Json;
using FlinkSearch.Kernel;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Jobs;

/// <summary>
/// The last few runs, kept in <c>&lt;data-dir&gt;/jobs/reindex-runs.json</c> so they survive a restart. The server and
/// a <c>reindex</c> verb may write it at the same time: each change reads the file under a lock file and writes it back
/// whole, so neither overwrites the other's runs; reads see what either wrote.
/// </summary>
public sealed class ReindexHistory(DataDirectory data, IOptions<ReindexOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private bool recovered;

    private string FilePath => Path.Combine(data.Root, "jobs", "reindex-runs.json");

    public ReindexRun? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    public ReindexRun? Latest => All.FirstOrDefault(r => r.State != ReindexState.Skipped);

    public IReadOnlyList<ReindexRun> All
    {
        get
        {
            RecoverOnce();
            return Read();
        }
    }

    /// <summary>Adds or replaces a run (by id) in the file as it is now, and writes the file atomically.</summary>
    public void Save(ReindexRun run)
    {
        RecoverOnce();
        Change(runs =>
        {
            runs.RemoveAll(r => r.Id == run.Id);
            runs.Insert(0, run);
        });
    }

    /// <summary>
    /// A run that was still going when its process died did not finish; say so instead of "running" forever. Done once,
    /// when no run holds the reindex lock (a run going in another process is that process's to finish).
    /// </summary>
    private void RecoverOnce()
    {
        lock (gate)
        {
            if (recovered)
            {
                return;
            }

            using var noRunGoing = FileLock.TryAcquire(ReindexRunner.LockPathOf(data));
            if (noRunGoing is null)
            {
                return;
            }

            recovered = true;
            var now = time.GetUtcNow().UtcDateTime;
            Change(runs => MarkInterrupted(runs, now));
        }
    }

    /// <summary>Ended now, as far as anyone can tell: the process that ran them is gone. A finished run is never touched again.</summary>
    private static void MarkInterrupted(List<ReindexRun> runs, DateTime now)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            if (!ReindexState.IsFinished(runs[i].State))
            {
                runs[i] = runs[i].End(ReindexState.Failed, "interrupted: the process stopped during the run", now, ReindexRun.Interrupted);
            }
        }
    }

    private void Change(Action<List<ReindexRun>> change)
    {
        lock (gate)
        {
            using var fileLock = FileLock.Acquire(FilePath + ".lock", LockTimeout);
            var runs = Read();
            change(runs);
            if (runs.Count > options.Value.History)
            {
                runs.RemoveRange(options.Value.History, runs.Count - options.Value.History);
            }

            var temp = FilePath + ".tmp-" + Environment.ProcessId;
            File.WriteAllText(temp, JsonSerializer.Serialize(runs, Json));
            File.Move(temp, FilePath, overwrite: true);
        }
    }

    private List<ReindexRun> Read()
    {
        try
        {
            return JsonSerializer.Deserialize<List<ReindexRun>>(File.ReadAllText(FilePath), Json) ?? [];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return [];
        }
    }
}
