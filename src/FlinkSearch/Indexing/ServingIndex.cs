using Microsoft.Extensions.Logging;

namespace FlinkSearch.Indexing;

/// <summary>
/// The generation being served. Switching swaps one reference; searches already running finish on the old one.
/// A generation that fails its checksums, or a pointer that names none, is not served: the one already open (at
/// start-up the previous generation) serves instead, and <see cref="Fallback"/> says so until a build replaces it.
/// A generation opened by its verification record (see <see cref="VerifiedGeneration"/>) is served at once and read
/// whole in the background; found damaged then, it is replaced by the previous generation the same way.
/// </summary>
public sealed partial class ServingIndex(IndexGenerations generations, ILogger<ServingIndex> logger) : IDisposable
{
    public const string CurrentPointer = "the current pointer";

    private readonly Lock switchLock = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private OpenGeneration? current;
    private volatile IndexFallback? fallback;
    private Task verification = Task.CompletedTask;

    // What the pointer said when it was found damaged: not checked again on every poll, only once it says something else.
    private string? refused;

    /// <summary>Completes when the first generation is being served.</summary>
    public Task WhenReady => ready.Task;

    public bool IsReady => Volatile.Read(ref current) is not null;

    public IndexMetadata? Metadata => Volatile.Read(ref current)?.Metadata;

    /// <summary>Set while a damaged generation (or pointer) is being bypassed; null when the pointer's generation is served.</summary>
    public IndexFallback? Fallback => fallback;

    /// <summary>The full check of the generation last served by its record; completed when there is none to do.</summary>
    public Task Verification => Volatile.Read(ref verification);

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

    /// <summary>Opens the generation the pointer names if it is not the one being served, or falls back when it is damaged.</summary>
    public RefreshOutcome Refresh()
    {
        var name = generations.Current;
        if (name is not null && name == Metadata?.Generation)
        {
            // Also when an operator pointed back at the generation a fallback serves: the damaged one is out of the picture.
            fallback = null;
            return RefreshOutcome.Unchanged;
        }

        var pointerDamage = name is null ? generations.CurrentPointerDamage : null;
        if (name is null && pointerDamage is null)
        {
            return IsReady ? RefreshOutcome.Unchanged : RefreshOutcome.NothingToServe;
        }

        lock (switchLock)
        {
            var said = name ?? pointerDamage!;
            if (said == refused || said == Metadata?.Generation)
            {
                return IsReady ? RefreshOutcome.Unchanged : RefreshOutcome.NothingToServe;
            }

            if (name is null)
            {
                LogPointerDamaged(pointerDamage!);
                refused = said;
                return FallBack(CurrentPointer, pointerDamage!);
            }

            try
            {
                var opened = OpenGeneration.Open(generations, name);
                Serve(opened);
                fallback = null;
                refused = null;
                return RefreshOutcome.Switched;
            }
            catch (GenerationGoneException e)
            {
                // Superseded twice between reading the pointer and opening: the next poll reads the pointer again.
                LogGone(e.Message);
                return RefreshOutcome.Unchanged;
            }
            catch (GenerationDamagedException e)
            {
                LogDamaged(e, name, e.Damage);
                refused = said;
                return FallBack(name, e.Damage);
            }
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        Interlocked.Exchange(ref current, null)?.Release();
    }

    /// <summary>Keeps serving what is open; with nothing open yet, the previous generation if it is sound.</summary>
    private RefreshOutcome FallBack(string damaged, string damage)
    {
        var serving = Metadata?.Generation;
        if (serving is null)
        {
            if (generations.Previous is not { } previous || previous == damaged)
            {
                LogNothingToFallBackTo(damaged);
                return RefreshOutcome.NothingToServe;
            }

            try
            {
                Serve(OpenGeneration.Open(generations, previous));
                serving = previous;
            }
            catch (GenerationGoneException e)
            {
                LogGone(e.Message);
                return RefreshOutcome.NothingToServe;
            }
            catch (GenerationDamagedException e)
            {
                LogDamaged(e, previous, e.Damage);
                LogNothingToFallBackTo(damaged);
                return RefreshOutcome.NothingToServe;
            }
        }

        fallback = new IndexFallback(damaged, damage, serving);
        LogFellBack(serving, damaged);
        return RefreshOutcome.FellBack;
    }

    private void Serve(OpenGeneration opened)
    {
        var old = Interlocked.Exchange(ref current, opened);
        old?.Release();
        ready.TrySetResult();
        LogServing(opened.Metadata.Generation, opened.Metadata.Documents);
        if (!opened.FullyVerified)
        {
            Volatile.Write(ref verification, Task.Run(() => VerifyInBackground(opened)));
        }
    }

    // Damage that no write made (the disk returns other bytes than were written) leaves the record agreeing: only
    // reading every byte finds it. This does, while the generation already serves, and then takes it out of service.
    private void VerifyInBackground(OpenGeneration opened)
    {
        if (stopping.IsCancellationRequested || !opened.TryAddReference())
        {
            return; // Switched away and closed already.
        }

        try
        {
            opened.VerifyInFull(stopping.Token);
            LogVerified(opened.Metadata.Generation);
        }
        catch (GenerationDamagedException e)
        {
            TakeOutOfService(opened, e);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        finally
        {
            opened.Release();
        }
    }

    /// <summary>Replaces a served generation found damaged by the previous one; with none sound, serves nothing so that one is built.</summary>
    private void TakeOutOfService(OpenGeneration damaged, GenerationDamagedException e)
    {
        var name = damaged.Metadata.Generation;
        lock (switchLock)
        {
            if (!ReferenceEquals(Volatile.Read(ref current), damaged))
            {
                return; // Switched away meanwhile, and perhaps deleted by a build: what the check met no longer matters.
            }

            LogDamaged(e, name, e.Damage);

            if (generations.Current == name)
            {
                refused = name;
            }

            if (generations.Previous is { } previous && previous != name)
            {
                try
                {
                    Serve(OpenGeneration.Open(generations, previous));
                    fallback = new IndexFallback(name, e.Damage, previous);
                    LogFellBack(previous, name);
                    return;
                }
                catch (GenerationDamagedException previousDamage)
                {
                    LogDamaged(previousDamage, previous, previousDamage.Damage);
                }
                catch (GenerationGoneException gone)
                {
                    LogGone(gone.Message);
                }
            }

            fallback = null;
            Interlocked.Exchange(ref current, null)?.Release();
            LogNothingToFallBackTo(name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving index generation {Generation} ({Documents} documents)")]
    private partial void LogServing(string generation, int documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index generation {Generation} read whole in the background: every file matches its checksum")]
    private partial void LogVerified(string generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Index generation {Generation} is damaged and is not served: {Damage}")]
    private partial void LogDamaged(Exception e, string generation, string damage);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Reason}; reading the pointer again")]
    private partial void LogGone(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The index pointer is damaged: {Damage}")]
    private partial void LogPointerDamaged(string damage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Falling back to index generation {Serving} because {Damaged} is damaged; the next reindex builds a new generation in full")]
    private partial void LogFellBack(string serving, string damaged);

    [LoggerMessage(Level = LogLevel.Error, Message = "No sound index generation to fall back to from {Damaged}; one is built from the sources")]
    private partial void LogNothingToFallBackTo(string damaged);
}

/// <summary>What <see cref="ServingIndex.Refresh"/> did.</summary>
public enum RefreshOutcome
{
    /// <summary>The generation served is the one the pointer names (or the pointer's damage is already known).</summary>
    Unchanged,

    /// <summary>A new generation is being served.</summary>
    Switched,

    /// <summary>The pointer's generation (or the pointer) is damaged; an older generation serves, see <see cref="ServingIndex.Fallback"/>.</summary>
    FellBack,

    /// <summary>Nothing is served and no sound generation exists: one has to be built.</summary>
    NothingToServe,
}

/// <summary>A damaged generation (or <see cref="ServingIndex.CurrentPointer"/>) bypassed, why, and the generation serving instead.</summary>
public sealed record IndexFallback(string Damaged, string Damage, string Serving)
{
    public override string ToString() => $"serving {Serving} because {Damaged} is damaged ({Damage}); the next reindex rebuilds the index";
}
