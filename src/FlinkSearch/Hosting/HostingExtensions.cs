using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Hosting;

public static class HostingExtensions
{
    /// <summary>Maps <c>--data-dir</c> onto <c>Data:Directory</c> and registers the resolved data root.</summary>
    public static IHostApplicationBuilder AddDataDirectory(this IHostApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data-dir"] = "Data:Directory" });
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<DataOptions>>().Value;
            return DataDirectory.Resolve(options.Directory, builder.Environment.ContentRootPath);
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>JSON that keeps Chinese readable while still escaping the HTML-significant characters.</summary>
    public static IHostApplicationBuilder AddJsonDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        return builder;
    }
}
