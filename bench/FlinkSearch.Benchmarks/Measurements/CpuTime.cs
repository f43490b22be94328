using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// CPU time actually spent, next to wall-clock time: on a shared machine a timed call also counts the time it sat
/// waiting for a core, while CPU time does not, so ratios of CPU times survive other people's builds far better.
/// </summary>
public static class CpuTime
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    /// <summary>CPU time of the calling thread in milliseconds (Linux); NaN elsewhere.</summary>
    public static double ThreadMilliseconds()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ThreadCpuClock, out var now) != 0)
        {
            return double.NaN;
        }

        return now.Seconds * 1000.0 + now.Nanoseconds / 1e6;
    }

    /// <summary>Wall-clock and calling-thread CPU milliseconds of one call, and what it returned.</summary>
    public static (double WallMs, double CpuMs, T Result) Measure<T>(Func<T> call)
    {
        var cpu = ThreadMilliseconds();
        var watch = Stopwatch.StartNew();
        var result = call();
        return (watch.Elapsed.TotalMilliseconds, ThreadMilliseconds() - cpu, result);
    }

    /// <summary>CPU time of the whole process (all threads: merges, GC, JIT) in seconds.</summary>
    public static double ProcessSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
