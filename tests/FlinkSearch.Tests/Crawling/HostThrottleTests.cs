using FlinkSearch.Crawling;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Crawling;

public sealed class HostThrottleTests
{
    [Fact]
    public async Task A_second_request_to_a_host_waits_for_the_first_and_then_the_delay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var throttle = new HostThrottle(1, TimeSpan.FromSeconds(1), time);
        var ct = TestContext.Current.CancellationToken;

        var first = await throttle.EnterAsync("mp.weixin.qq.com", ct);
        var second = throttle.EnterAsync("mp.weixin.qq.com", ct);
        var otherHost = throttle.EnterAsync("example.org", ct);

        Assert.True(otherHost.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await Task.Yield();
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await (await second.WaitAsync(TimeSpan.FromSeconds(10), ct)).DisposeAsync();
    }
}
