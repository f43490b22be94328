using FlinkSearch.Analytics;
using FlinkSearch.Api;
using FlinkSearch.Api.Docs;
using FlinkSearch.Api.Observability;
using FlinkSearch.Api.Protection;
using FlinkSearch.Api.WebUi;
using FlinkSearch.Backups;
using FlinkSearch.Catalog;
using FlinkSearch.Cli;
using FlinkSearch.Crawling;
using FlinkSearch.Feed;
using FlinkSearch.Importing;
using FlinkSearch.Indexing;
using FlinkSearch.Jobs;
using FlinkSearch.Kernel;
using FlinkSearch.Related;
using FlinkSearch.Search;
using FlinkSearch.Sources;
using FlinkSearch.Takedowns;

// Verbs other than `serve` (and --help) run the command line and exit.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

// A port in use, an unwritable data dir or invalid settings end in one line and exit code 1.
return await StartupFailures.ExplainAsync(() => ServeAsync(CommandLine.ServeArguments(args)));

static async Task<int> ServeAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);

    // Data root, clock and instruments; JSON, request validation and error answers shared by every endpoint.
    builder.AddStartupFailures().AddKernel(args).AddApiDefaults();

    // Features: source lists → index → search.
    builder.AddCatalog().AddIndexing().AddIndexServing().AddTakedowns().AddSearch().AddRelated().AddFeed().AddAnalytics().AddHealth();
    builder.AddCrawling().AddSources().AddImporting();

    // Scheduled and on-demand reindexing, backups, and the admin endpoints and console that start them.
    builder.AddReindexJobs().AddBackups().AddAdminApi();

    // Search page, embeddable widget, CORS for embedding sites.
    builder.AddWebUi();

    // Operations: API document, request logs and metrics, rate/request limits, compression, output cache.
    builder.AddApiDocs().AddObservability().AddProtection();

    var app = builder.Build();

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseRequestLogging();
    app.UseWebUiHeaders();
    app.UseProtection();
    app.UseSearchMetrics();
    app.MapWebUi();

    // Endpoint groups: each carries its own policies (rate limit, output cache, CORS, API key).
    app.MapSearchApi().MapRelatedApi().MapFeedApi();
    app.MapStatsApi();
    app.MapHealthApi();
    app.MapAdminApi();
    app.MapApiDocs().MapMetrics();

    await app.RunAsync();
    return 0;
}

public partial class Program;
