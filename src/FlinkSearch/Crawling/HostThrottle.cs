using System.Collections.Concurrent;

namespace FlinkSearch.Crawling;

/// <summary>Politeness per host: at most N requests in flight, and a pause after each before the next one starts.</summary>
public sealed class HostThrottle(int maxPerHost, TimeSpan delay, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IAsyncDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        var slot = hosts.GetOrAdd(host, _ => new Slot(maxPerHost));
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            var wait = slot.NextStart - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }

        return new Lease(slot, () => time.GetUtcNow() + delay);
    }

    private sealed class Slot(int maxPerHost)
    {
        public SemaphoreSlim Gate { get; } = new(maxPerHost, maxPerHost);

        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Lease(Slot slot, Func<DateTimeOffset> nextStart) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            slot.NextStart = nextStart();
            slot.Gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
