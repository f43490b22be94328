using System.Text.Json;
using FlinkSearch.Kernel;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Jobs;

/// <summary>The last few runs, kept in <c>&lt;data-dir&gt;/jobs/reindex-runs.json</c> so they survive a restart.</summary>
public sealed class ReindexHistory(DataDirectory data, IOptions<ReindexOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock gate = new();
    private List<ReindexRun>? runs;

    private string FilePath => Path.Combine(data.Root, "jobs", "reindex-runs.json");

    public ReindexRun? Find(string id)
    {
        lock (gate)
        {
            return Runs().FirstOrDefault(r => r.Id == id);
        }
    }

    public IReadOnlyList<ReindexRun> All
    {
        get
        {
            lock (gate)
            {
                return [.. Runs()];
            }
        }
    }

    public ReindexRun? Latest
    {
        get
        {
            lock (gate)
            {
                return Runs().FirstOrDefault(r => r.State != ReindexState.Skipped);
            }
        }
    }

    /// <summary>Adds or replaces a run (by id) and writes the file atomically.</summary>
    public void Save(ReindexRun run)
    {
        lock (gate)
        {
            var list = Runs();
            list.RemoveAll(r => r.Id == run.Id);
            list.Insert(0, run);
            if (list.Count > options.Value.History)
            {
                list.RemoveRange(options.Value.History, list.Count - options.Value.History);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var temp = FilePath + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(list, Json));
            File.Move(temp, FilePath, overwrite: true);
        }
    }

    private List<ReindexRun> Runs()
    {
        if (runs is not null)
        {
            return runs;
        }

        try
        {
            runs = JsonSerializer.Deserialize<List<ReindexRun>>(File.ReadAllText(FilePath), Json) ?? [];
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            runs = [];
        }

        // A run that was still going when the process died did not finish; say so instead of "running" forever.
        for (var i = 0; i < runs.Count; i++)
        {
            if (!ReindexState.IsFinished(runs[i].State))
            {
                runs[i] = runs[i] with { State = ReindexState.Failed, Errors = [.. runs[i].Errors, "interrupted: the process stopped during the run"] };
            }
        }

        return runs;
    }
}
