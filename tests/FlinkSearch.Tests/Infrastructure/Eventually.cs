namespace FlinkSearch.Tests.Infrastructure;

/// <summary>Polls for a state that background work reaches on its own (a run ending, a process listening).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static Task TrueAsync(Func<bool> condition, CancellationToken ct, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), ct, timeout);

    public static async Task TrueAsync(Func<Task<bool>> condition, CancellationToken ct, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not reached within {limit.TotalSeconds:F0} s");
            }

            await Task.Delay(10, ct);
        }
    }

    public static Task ReadyAsync(HttpClient client, CancellationToken ct) =>
        TrueAsync(async () => (await client.GetAsync("/health/ready", ct)).IsSuccessStatusCode, ct);
}
