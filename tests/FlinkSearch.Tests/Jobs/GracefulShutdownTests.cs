using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Jobs;

public sealed class GracefulShutdownTests
{
    private const string Key = "term-key";

    [Fact]
    public async Task Sigterm_cancels_a_running_reindex_within_seconds_and_records_it()
    {
        var ct = TestContext.Current.CancellationToken;
        // A server that accepts connections and never answers: the crawl hangs on it until cancelled.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = new List<Socket>();
        var firstConnection = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var socket = await silent.AcceptSocketAsync(CancellationToken.None);
                lock (accepted)
                {
                    accepted.Add(socket);
                }

                firstConnection.TrySetResult();
            }
        }, CancellationToken.None);

        using var data = new TempDataDirectory(withSeed: false);
        var list = new StringBuilder("## 慢\n\n");
        for (var i = 0; i < 20; i++)
        {
            list.Append($"* [不回应的页面 {i}](http://127.0.0.1:{port}/s/{i})\n");
        }

        data.WriteSource("silent.md", list.ToString());
        var environment = new Dictionary<string, string>
        {
            ["Admin__ApiKey"] = Key,
            ["Reindex__OnStart"] = "false",
            ["Crawler__AllowPrivateNetworks"] = "true",
            ["Crawler__PerHostDelay"] = "00:00:00",
            ["Crawler__AttemptTimeout"] = "00:05:00",
            ["Crawler__RequestTimeout"] = "00:10:00",
        };
        string[] serve = ["--urls", "http://127.0.0.1:0", "--data-dir", data.Root];

        await using (var server = AppProcess.Start(serve, environment))
        {
            using var client = await server.WaitUntilListeningAsync(ct);
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);
            await Eventually.ReadyAsync(client, ct);

            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/admin/reindex", null, ct)).StatusCode);
            await firstConnection.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);

            var stopwatch = Stopwatch.StartNew();
            server.Terminate();
            await server.WaitForExitAsync(TimeSpan.FromSeconds(20));
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed} to stop");
        }

        using var runs = JsonDocument.Parse(File.ReadAllText(Path.Combine(data.Root, "jobs", "reindex-runs.json")));
        Assert.Equal("cancelled", runs.RootElement[0].GetProperty("state").GetString());
        lock (accepted)
        {
            accepted.ForEach(s => s.Dispose());
        }
    }
}
