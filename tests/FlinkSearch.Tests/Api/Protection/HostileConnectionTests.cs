using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Api.Protection;

/// <summary>
/// Slowloris and oversized requests against a real Kestrel on loopback while a normal client searches: Kestrel's
/// limits (as the app sets them) drop the slow connections and refuse the big requests; the normal client is not held up.
/// </summary>
public sealed class HostileConnectionTests : HostedAppTest
{
    private const int SlowConnections = 300;

    // Each normal search must answer within this, on a loaded two-core test machine (unloaded it takes milliseconds).
    private static readonly TimeSpan SearchBound = TimeSpan.FromSeconds(3);

    // The app's RequestHeadersTimeout is 10 s (Kestrel's own default 30 s); a slow connection must be gone well before 30 s.
    private static readonly TimeSpan DroppedWithin = TimeSpan.FromSeconds(20);

    protected override bool OverSocket => true;

    protected override IReadOnlyDictionary<string, string?> Settings => LoadTestSettings;

    [Fact]
    public async Task Slow_connections_are_dropped_and_oversized_requests_refused_while_a_normal_client_keeps_searching()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = Client.BaseAddress!.Port;
        var opened = Stopwatch.StartNew();
        var slow = await Task.WhenAll(Enumerable.Range(0, SlowConnections).Select(_ => OpenSlowAsync(port, ct)));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var trickling = Task.WhenAll(slow.Select(socket => TrickleAsync(socket, stop.Token)));
        var oversized = SendOversizedAsync(stop.Token);
        var searches = SearchUntilAsync(() => slow.All(s => !s.Connected) || opened.Elapsed > DroppedWithin, ct);

        var dropped = await Task.WhenAll(slow.Select(s => WaitForServerCloseAsync(s, ct)));
        var latencies = await searches;
        await stop.CancelAsync();
        await trickling;
        var refused = await oversized;

        Assert.All(dropped, at => Assert.True(at < DroppedWithin, $"a slow connection was still open after {at}"));
        Assert.NotEmpty(latencies);
        Assert.All(latencies, l => Assert.True(l < SearchBound, $"a normal search took {l}"));
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.RequestUriTooLong, HttpStatusCode.RequestHeaderFieldsTooLarge], refused.Distinct().Order());
        foreach (var socket in slow)
        {
            socket.Dispose();
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{latencies.Count} searches, slowest {latencies.Max().TotalMilliseconds:F0} ms; slow connections dropped after {dropped.Max().TotalSeconds:F1} s at most; {refused.Count} oversized requests refused");
    }

    private static async Task<Socket> OpenSlowAsync(int port, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port, ct);
        await socket.SendAsync(Encoding.ASCII.GetBytes("GET /search?q=flink HTTP/1.1\r\nHost: localhost\r\nX-Slow: "), ct);
        return socket;
    }

    // One more header byte every second: the headers never end, the connection never idles.
    private static async Task TrickleAsync(Socket socket, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await socket.SendAsync("x"u8.ToArray(), ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped, or the server dropped the connection: both are the end of this trickle.
        }
    }

    /// <summary>How long until the server closed the connection (a 408 then EOF, or a reset).</summary>
    private static async Task<TimeSpan> WaitForServerCloseAsync(Socket socket, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(DroppedWithin + TimeSpan.FromSeconds(15));
        var buffer = new byte[1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, deadline.Token) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // Reset by the server: dropped too.
        }

        return started.Elapsed;
    }

    private async Task<List<TimeSpan>> SearchUntilAsync(Func<bool> done, CancellationToken ct)
    {
        var latencies = new List<TimeSpan>();
        while (!done())
        {
            var started = Stopwatch.StartNew();
            using var response = await Client.GetAsync("/search?q=" + Uri.EscapeDataString("检查点"), ct);
            latencies.Add(started.Elapsed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return latencies;
    }

    /// <summary>Oversized request lines and header sets, and GETs with a body, on fresh connections until stopped.</summary>
    private async Task<List<HttpStatusCode>> SendOversizedAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Client.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            using var request = (i % 3) switch
            {
                0 => new HttpRequestMessage(HttpMethod.Get, "/search?q=" + new string('a', 9 * 1024)),
                1 => WithHeaders(new HttpRequestMessage(HttpMethod.Get, "/search?q=flink"), 60),
                _ => new HttpRequestMessage(HttpMethod.Get, "/search?q=flink") { Content = new ByteArrayContent(new byte[1024]) },
            };
            try
            {
                using var response = await client.SendAsync(request, ct);
                statuses.Add(response.StatusCode);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return statuses;
    }

    private static HttpRequestMessage WithHeaders(HttpRequestMessage request, int count)
    {
        for (var i = 0; i < count; i++)
        {
            request.Headers.TryAddWithoutValidation($"X-Filler-{i}", new string('x', 100));
        }

        return request;
    }
}
