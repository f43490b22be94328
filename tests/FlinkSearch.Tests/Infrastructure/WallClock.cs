using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>
/// A clock whose wall time an operator (or NTP) can set forward or back while timers keep counting elapsed time, as
/// on a real machine; <see cref="FakeTimeProvider"/> alone only moves both together, and only forward.
/// </summary>
public sealed class WallClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider elapsed = new(start);
    private long shiftTicks;
    private int timers;

    /// <summary>How many timers have been created: a signal that a waiting loop has gone round.</summary>
    public int TimersCreated => Volatile.Read(ref timers);

    public override DateTimeOffset GetUtcNow() => elapsed.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref shiftTicks));

    public override long GetTimestamp() => elapsed.GetTimestamp();

    public override long TimestampFrequency => elapsed.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = elapsed.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref timers);
        return timer;
    }

    /// <summary>Time passes: the wall clock and the timers move together.</summary>
    public void Advance(TimeSpan by) => elapsed.Advance(by);

    /// <summary>The wall clock is set (back when negative); no time passes for the timers.</summary>
    public void Set(TimeSpan by) => Interlocked.Add(ref shiftTicks, by.Ticks);
}
