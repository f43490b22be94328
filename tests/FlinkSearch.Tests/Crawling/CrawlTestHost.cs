using FlinkSearch.Catalog;
using FlinkSearch.Crawling;
using FlinkSearch.Kernel;
using FlinkSearch.Indexing;
using FlinkSearch.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlinkSearch.Tests.Crawling;

/// <summary>The crawl and indexing services without a web server, over a test's data dir, with short timeouts.</summary>
public static class CrawlTestHost
{
    /// <summary>Fast settings for loopback fixture sites; a test overrides what it needs.</summary>
    public static Dictionary<string, string?> FastSettings(bool allowPrivateNetworks = true) => new()
    {
        ["Crawler:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
        ["Crawler:PerHostDelay"] = "00:00:00",
        ["Crawler:MaxConcurrency"] = "8",
        ["Crawler:MaxConcurrencyPerHost"] = "8",
        ["Crawler:AttemptTimeout"] = "00:00:02",
        ["Crawler:RequestTimeout"] = "00:00:04",
        ["Crawler:MaxRetries"] = "1",
        ["Crawler:RetryDelay"] = "00:00:00.050",
        ["Crawler:MaxRetryAfter"] = "00:00:03",
    };

    /// <summary>Fast settings with timeouts long enough for a loaded machine, for tests that are not about timeouts.</summary>
    public static Dictionary<string, string?> PatientSettings()
    {
        var settings = FastSettings();
        settings["Crawler:AttemptTimeout"] = "00:00:30";
        settings["Crawler:RequestTimeout"] = "00:01:00";
        return settings;
    }

    public static IHost Build(string dataRoot, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dataRoot });
        builder.Configuration.AddInMemoryCollection(settings ?? FastSettings());
        builder.AddKernel(["--data-dir", dataRoot]).AddCatalog().AddIndexing().AddCrawling().AddSources();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
