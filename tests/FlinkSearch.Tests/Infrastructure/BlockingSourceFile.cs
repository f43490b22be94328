using System.Diagnostics;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>
/// A source list that is a named pipe: reading it blocks until <see cref="Release"/>, which holds a reindex in its
/// "running" state for as long as a test needs, without sleeps. Linux only (mkfifo).
/// </summary>
public sealed class BlockingSourceFile : IDisposable
{
    private readonly string path;
    private bool released;

    public BlockingSourceFile(string directory, string name = "zz-blocking.md")
    {
        path = Path.Combine(directory, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
        {
            throw new InvalidOperationException("mkfifo failed");
        }
    }

    /// <summary>Lets every reader through: blocked ones get an empty file, later ones find a regular empty file.</summary>
    public void Release()
    {
        if (released)
        {
            return;
        }

        released = true;
        // Opening read-write never blocks on Linux and wakes readers waiting for a writer; the rename makes sure a
        // reader that comes later opens a plain file instead of waiting on the pipe.
        using var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var plain = path + ".plain";
        File.WriteAllText(plain, "");
        File.Move(plain, path, overwrite: true);
    }

    public void Dispose() => Release();
}
