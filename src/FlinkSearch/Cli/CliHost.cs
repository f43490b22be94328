using FlinkSearch.Backups;
using FlinkSearch.Catalog;
using FlinkSearch.Crawling;
using FlinkSearch.Importing;
using FlinkSearch.Kernel;
using FlinkSearch.Indexing;
using FlinkSearch.Jobs;
using FlinkSearch.Search;
using FlinkSearch.Sources;
using FlinkSearch.Takedowns;

namespace FlinkSearch.Cli;

/// <summary>The same services as the web host, without the web server, for one command-line verb.</summary>
public static class CliHost
{
    public static IHost Build(string? dataDir)
    {
        var args = dataDir is null ? Array.Empty<string>() : ["--data-dir", dataDir];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            Args = [],
        });

        // Results go to stdout; only problems go to the log (stderr).
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);

        builder.AddKernel(args).AddCatalog().AddIndexing().AddTakedowns().AddSearch();
        builder.AddCrawling().AddSources().AddImporting();
        builder.AddReindexing();
        builder.AddBackups();
        return builder.Build();
    }
}
