using FlinkSearch.Crawling;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Crawling;

public sealed class HostThrottleTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_second_request_to_a_host_waits_until_the_first_is_done()
    {
        var throttle = new HostThrottle(1, TimeSpan.Zero, time);
        var ct = TestContext.Current.CancellationToken;

        var first = await throttle.EnterAsync("mp.weixin.qq.com", ct);
        var second = throttle.EnterAsync("mp.weixin.qq.com", ct);
        var otherHost = throttle.EnterAsync("example.org", ct);

        Assert.True(otherHost.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(30), ct)).DisposeAsync();
    }

    [Fact]
    public async Task The_next_request_to_a_host_starts_only_after_the_per_host_delay()
    {
        var throttle = new HostThrottle(1, TimeSpan.FromSeconds(1), time);
        var ct = TestContext.Current.CancellationToken;

        await (await throttle.EnterAsync("mp.weixin.qq.com", ct)).DisposeAsync();
        var next = throttle.EnterAsync("mp.weixin.qq.com", ct);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await (await next.WaitAsync(TimeSpan.FromSeconds(30), ct)).DisposeAsync();
    }
}
