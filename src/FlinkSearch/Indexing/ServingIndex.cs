using Microsoft.Extensions.Logging;

namespace FlinkSearch.Indexing;

/// <summary>The generation being served. Switching swaps one reference; searches already running finish on the old one.</summary>
public sealed partial class ServingIndex(IndexGenerations generations, ILogger<ServingIndex> logger) : IDisposable
{
    private readonly Lock switchLock = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OpenGeneration? current;

    /// <summary>Completes when the first generation is being served.</summary>
    public Task WhenReady => ready.Task;

    public bool IsReady => Volatile.Read(ref current) is not null;

    public IndexMetadata? Metadata => Volatile.Read(ref current)?.Metadata;

    /// <summary>Acquires the current searcher, or returns false while no index is open yet.</summary>
    public bool TryAcquire(out SearcherLease lease)
    {
        while (true)
        {
            var generation = Volatile.Read(ref current);
            if (generation is null)
            {
                lease = default;
                return false;
            }

            if (generation.TryAddReference())
            {
                lease = new SearcherLease(generation);
                return true;
            }
        }
    }

    /// <summary>Opens the generation the pointer names if it is not the one being served. Returns true when it switched.</summary>
    public bool Refresh()
    {
        var name = generations.Current;
        if (name is null || name == Metadata?.Generation)
        {
            return false;
        }

        lock (switchLock)
        {
            if (name == Metadata?.Generation)
            {
                return false;
            }

            var opened = OpenGeneration.Open(name, generations.PathOf(name));
            var old = Interlocked.Exchange(ref current, opened);
            old?.Release();
            ready.TrySetResult();
            LogServing(name, opened.Metadata.Documents);
            return true;
        }
    }

    public void Dispose() => Interlocked.Exchange(ref current, null)?.Release();

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving index generation {Generation} ({Documents} documents)")]
    private partial void LogServing(string generation, int documents);
}
