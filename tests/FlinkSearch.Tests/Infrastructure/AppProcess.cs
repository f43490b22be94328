using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>The built FlinkSearch app run as a real process (server or CLI verb), for tests that kill or restart it.</summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => this.process = process;

    public static string AppPath => typeof(Program).Assembly.Location;

    public Uri? BaseAddress => listening.Task.IsCompletedSuccessfully ? listening.Task.Result : null;

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    public static AppProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(AppPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var app = new AppProcess(Process.Start(info)!);
        app.process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Runs a CLI verb to the end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IEnumerable<string> args, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var app = Start(args, environment);
        await app.process.WaitForExitAsync(ct);
        return (app.process.ExitCode, app.Output);
    }

    /// <summary>Runs the <c>index</c> verb on <paramref name="dataRoot"/>, which must succeed, and returns the generation it made current.</summary>
    public static async Task<string> IndexAsync(string dataRoot, CancellationToken ct)
    {
        var (exit, output) = await RunAsync(["index", "--data-dir", dataRoot], ct);
        Assert.True(exit == 0, output);
        return File.ReadAllText(Path.Combine(dataRoot, "index", "current")).Trim();
    }

    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    private readonly List<string> lines = [];

    public async Task<HttpClient> WaitUntilListeningAsync(CancellationToken ct)
    {
        var exited = process.WaitForExitAsync(ct);
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60), ct));
        if (first != listening.Task)
        {
            throw new InvalidOperationException($"The app did not start listening:\n{Output}");
        }

        return new HttpClient { BaseAddress = listening.Task.Result, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>SIGTERM, as a container runtime or systemd sends to stop a service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end by itself; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
