using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FlinkSearch.Api;
using FlinkSearch.Jobs;
using FlinkSearch.Search;
using FlinkSearch.Tests.Api;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Jobs;

public sealed partial class ZeroDowntimeReindexTests
{
    private const string Key = "k";

    [Fact]
    public async Task Searches_never_fail_or_mix_generations_while_two_reindexes_switch()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory(withSeed: false);
        data.WriteSource("batch.md", Batch(0));
        await using var app = new FlinkSearchApp(data, new Dictionary<string, string?>(TestSources.QuickCrawl) { ["Admin:ApiKey"] = Key });
        var client = await app.StartAsync(ct);
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var problems = new ConcurrentQueue<string>();
        var batchesSeen = new ConcurrentDictionary<int, int>();
        // Completed by a searcher the first time it sees a batch: the test moves on once a switch has been observed.
        var firstSeen = new ConcurrentDictionary<int, TaskCompletionSource>();
        TaskCompletionSource FirstSeen(int batch) => firstSeen.GetOrAdd(batch, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        var searchers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested)
            {
                count++;
                var response = await client.GetAsync("/search?q=marker&size=50", CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    problems.Enqueue($"status {(int)response.StatusCode}");
                    continue;
                }

                var body = (await response.Content.ReadFromJsonAsync<SearchResponse>(CancellationToken.None))!;
                var batches = body.Hits.Select(h => int.Parse(BatchNumber().Match(h.Title).Groups[1].Value)).Distinct().ToList();
                if (batches.Count != 1 || body.Total != batches[0] + 5 || body.Hits.Count != body.Total
                    || !response.Headers.Contains(SearchApi.GenerationHeader))
                {
                    problems.Enqueue($"inconsistent: {await response.Content.ReadAsStringAsync()} batches {string.Join(",", batches)}, total {body.Total}, hits {body.Hits.Count}");
                    continue;
                }

                batchesSeen.AddOrUpdate(batches[0], 1, (_, n) => n + 1);
                FirstSeen(batches[0]).TrySetResult();
            }

            return count;
        })).ToList();

        for (var batch = 1; batch <= 2; batch++)
        {
            data.WriteSource("batch.md", Batch(batch));
            var accepted = await (await client.PostAsync("/admin/reindex", null, ct)).Content.ReadFromJsonAsync<ReindexAccepted>(ct);
            var run = await AdminApiTests.WaitForEnd(client, accepted!.Id, ct);
            Assert.Equal(ReindexState.Succeeded, run.State);
            await FirstSeen(batch).Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }

        await stop.CancelAsync();
        var requests = (await Task.WhenAll(searchers)).Sum();

        Assert.Empty(problems);
        Assert.True(requests > 20, $"only {requests} searches ran");
        Assert.Equal([0, 1, 2], batchesSeen.Keys.Order());
    }

    private static string Batch(int number) => TestSources.Numbered($"marker {number}号", number + 5);

    [GeneratedRegex(@"(\d+)号")]
    private static partial Regex BatchNumber();
}
