using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Kernel;

/// <summary>What every feature needs, in the web host and the CLI alike: the data root, the clock and the instruments.</summary>
public static class KernelExtensions
{
    /// <summary>Maps <c>--data-dir</c> onto <c>Data:Directory</c> and registers the resolved data root.</summary>
    public static IHostApplicationBuilder AddKernel(this IHostApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data-dir"] = "Data:Directory" });
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<DataOptions>>().Value;
            return DataDirectory.Resolve(options.Directory, builder.Environment.ContentRootPath);
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<FlinkSearchMetrics>();
        // Only a started host runs it: the web host does, the CLI's hosts only build their services.
        builder.Services.AddHostedService<DataDirectoryCheck>();
        builder.Services.AddHostedService<CollectorBudgetCheck>();
        return builder;
    }
}
