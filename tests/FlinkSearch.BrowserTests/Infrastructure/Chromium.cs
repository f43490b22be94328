namespace FlinkSearch.BrowserTests.Infrastructure;

/// <summary>Finds the system Chromium (Debian's <c>chromium</c> package; <c>.ci/run</c> installs it) that Playwright drives.</summary>
public static class Chromium
{
    public const string PathVariable = "CHROMIUM_PATH";

    /// <summary>Flags for a headless browser in a container: no user namespaces for the sandbox, a small /dev/shm.</summary>
    public static readonly string[] Arguments = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--font-render-hinting=none"];

    public static string ExecutablePath()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            $"No chromium on PATH. Install Debian's 'chromium' package (.ci/run does) or set {PathVariable}.");
    }
}
