using System.Text.Json;
using FlinkSearch.Kernel;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.Jobs;

/// <summary>
/// Which of the servers sharing a data dir runs the scheduled (and start-up) reindexes: the one holding
/// <c>jobs/schedule.lock</c>, kept open for the life of the process, so a killed owner releases it with its other files.
/// The others try to take it at each tick of the schedule; the owner writes who it is into
/// <c>jobs/schedule-owner.json</c> for <c>/stats</c> to show.
/// </summary>
public sealed partial class ScheduleOwnership(DataDirectory data, TimeProvider time, ILogger<ScheduleOwnership> logger) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock gate = new();
    private IDisposable? held;

    public string LockPath => Path.Combine(data.Root, "jobs", "schedule.lock");

    public string OwnerPath => Path.Combine(data.Root, "jobs", "schedule-owner.json");

    /// <summary>True while this process holds the schedule.</summary>
    public bool IsOwner => Volatile.Read(ref held) is not null;

    /// <summary>The server that took the schedule last, as it wrote itself down; null before any did or after it stopped.</summary>
    public ScheduleOwner? Owner
    {
        get
        {
            try
            {
                return JsonSerializer.Deserialize<ScheduleOwner>(File.ReadAllText(OwnerPath), Json);
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>True when this process holds the schedule, taking it now if nobody else does.</summary>
    public bool TryOwn()
    {
        lock (gate)
        {
            if (held is not null)
            {
                return true;
            }

            if (FileLock.TryAcquire(LockPath) is not { } acquired)
            {
                return false;
            }

            var before = Owner;
            var me = new ScheduleOwner(Environment.MachineName, Environment.ProcessId, time.GetUtcNow());
            WriteOwner(me);
            Volatile.Write(ref held, acquired);
            if (before is not null)
            {
                LogTookOver(before.Host, before.Pid, before.Since);
            }
            else
            {
                LogOwning(me.Host, me.Pid);
            }

            return true;
        }
    }

    /// <summary>Stopping: the next tick of another server takes over. The owner file is removed first, while still held.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (held is null)
            {
                return;
            }

            TryDelete(OwnerPath);
            held.Dispose();
            held = null;
        }
    }

    private void WriteOwner(ScheduleOwner owner)
    {
        var temp = OwnerPath + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(owner, Json));
            File.Move(temp, OwnerPath, overwrite: true);
        }
        catch (IOException e)
        {
            // Only the display suffers (a full disk): the lock is what decides.
            LogOwnerNotWritten(e, OwnerPath);
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the next owner to overwrite.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This server ({Host}, pid {Pid}) runs the reindex schedule")]
    private partial void LogOwning(string host, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over the reindex schedule from {Host} pid {Pid} (owner since {Since:O}), which no longer holds it")]
    private partial void LogTookOver(string host, int pid, DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Path}; /stats will not name this server as the schedule owner")]
    private partial void LogOwnerNotWritten(Exception e, string path);
}

/// <summary>The server running the reindex schedule: its host name, process id, and since when.</summary>
public sealed record ScheduleOwner(string Host, int Pid, DateTimeOffset Since)
{
    public override string ToString() => $"{Host} pid {Pid} (since {Since:O})";
}
