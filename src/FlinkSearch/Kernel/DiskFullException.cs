namespace FlinkSearch.Kernel;

/// <summary>
/// A write that found no space left on the data dir's file system, or a build refused because too little was left.
/// Whatever was being written is abandoned; what was there before is untouched.
/// </summary>
public sealed class DiskFullException(string message, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>The failure reason a run records (contracts: "Failure reasons gain disk-full").</summary>
    public const string Reason = "disk-full";

    // What the OS puts in IOException.HResult: errno on Unix (ENOSPC, and EDQUOT for a full quota), a Win32 HRESULT on Windows.
    private const int NoSpace = 28;
    private const int LinuxQuota = 122;
    private const int MacQuota = 69;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>True when <paramref name="error"/>, or an error it wraps, is the OS saying there is no space left.</summary>
    public static bool IsCause(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DiskFullException || (e is IOException && IsNoSpace(e.HResult)))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCause))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="error"/> as a <see cref="DiskFullException"/> when no space was its cause, else null.</summary>
    public static DiskFullException? From(Exception error, string whatFailed) => error switch
    {
        DiskFullException full => full,
        _ when IsCause(error) => new DiskFullException($"{Reason}: {whatFailed}: no space left on the data directory's file system.", error),
        _ => null,
    };

    private static bool IsNoSpace(int result) => result switch
    {
        NoSpace => !OperatingSystem.IsWindows(),
        LinuxQuota => OperatingSystem.IsLinux(),
        MacQuota => OperatingSystem.IsMacOS(),
        WindowsDiskFull or WindowsHandleDiskFull => OperatingSystem.IsWindows(),
        _ => false,
    };
}
