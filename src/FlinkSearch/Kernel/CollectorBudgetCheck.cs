using Microsoft.Extensions.Logging;

namespace FlinkSearch.Kernel;

/// <summary>
/// Warns at start when the garbage collector will size its new-object budget from nothing: on Linux without CPU cache
/// sizes (many VMs) and without <c>DOTNET_GCgen0size</c>, a server under search load was paused 42 % of the time
/// (docs/benchmarks.md §16). The runtime reads the setting only from the environment, so the app cannot set it itself.
/// </summary>
public sealed partial class CollectorBudgetCheck(ILogger<CollectorBudgetCheck> logger) : IHostedService
{
    public const string Variable = "DOTNET_GCgen0size";
    public const string Recommended = "0x2000000";
    private const string CacheSizes = "/sys/devices/system/cpu/cpu0/cache";

    /// <summary>True when the budget would come from missing cache sizes because nothing sets it.</summary>
    public static bool BudgetUnsized(bool linux, bool cacheSizesKnown, string? setting) =>
        linux && !cacheSizesKnown && string.IsNullOrWhiteSpace(setting);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (BudgetUnsized(OperatingSystem.IsLinux(), Directory.Exists(CacheSizes), Environment.GetEnvironmentVariable(Variable)))
        {
            LogUnsized(Variable, Recommended);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "This machine does not report its CPU cache sizes, so .NET keeps a very small budget for new objects and collects garbage often under load; start the app with {Variable}={Value} (as the image does; see README, Run in a container)")]
    private partial void LogUnsized(string variable, string value);
}
