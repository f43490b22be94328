using System.Collections.Concurrent;
using System.Net;
using FlinkSearch.Indexing;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Api;

/// <summary>
/// The reduced form of <c>bench/soak.sh</c>: concurrent clients over a real loopback socket while the index is rebuilt
/// and switched underneath them. Only correctness is asserted (no 5xx, every answer a 200); timing is bench's job.
/// </summary>
public sealed class SoakTests : HostedAppTest
{
    private const int Clients = 16;
    private const int RequestsPerClient = 100;
    private const int Rebuilds = 3;

    private static readonly string[] Queries =
        ["checkpoint", "窗口", "flink", "状态", "exactly-once", "watermark", "背压", "kafka", "sql", "\"滚动窗口\"", "checkpoint~", "chec*", "时间 语义"];

    protected override IReadOnlyDictionary<string, string?> Settings => LoadTestSettings;

    protected override bool OverSocket => true;

    [Fact]
    public async Task Concurrent_searches_during_reindexing_never_fail()
    {
        var ct = TestContext.Current.CancellationToken;
        var serving = App.Services.GetRequiredService<ServingIndex>();
        var rebuilder = App.Services.GetRequiredService<IndexRebuilder>();
        var generations = new ConcurrentDictionary<string, bool>();
        generations[serving.Metadata!.Generation] = true;
        var statuses = new ConcurrentDictionary<int, int>();

        var reindexing = Task.Run(async () =>
        {
            for (var i = 0; i < Rebuilds; i++)
            {
                var built = await rebuilder.RebuildAsync(ct);
                serving.Refresh();
                generations[built.Generation] = true;
            }
        }, ct);

        var load = Enumerable.Range(0, Clients).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < RequestsPerClient; i++)
            {
                var query = Uri.EscapeDataString(Queries[(worker + i) % Queries.Length]);
                using var response = await Client.GetAsync($"/search?q={query}&page={1 + (i % 3)}&size={5 + (worker % 5)}", ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            }
        }, ct)).ToList();

        await Task.WhenAll([.. load, reindexing]);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Clients * RequestsPerClient} requests: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}; {generations.Count} generations served");
        Assert.Equal(Clients * RequestsPerClient, statuses.GetValueOrDefault(200));
        Assert.Equal(Rebuilds + 1, generations.Count);
        Assert.Equal(serving.Metadata!.Generation, generations.Keys.Max(StringComparer.Ordinal));
    }
}
