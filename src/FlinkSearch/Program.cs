using FlinkSearch.Api;
using FlinkSearch.Api.Docs;
using FlinkSearch.Api.Observability;
using FlinkSearch.Api.Protection;
using FlinkSearch.Api.WebUi;
using FlinkSearch.Catalog;
using FlinkSearch.Cli;
using FlinkSearch.Crawling;
using FlinkSearch.Indexing;
using FlinkSearch.Jobs;
using FlinkSearch.Kernel;
using FlinkSearch.Search;

// Verbs other than `serve` run the command line and exit.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var serveArgs = CommandLine.ServeArguments(args);
var builder = WebApplication.CreateBuilder(serveArgs);

// Data root, clock and instruments; JSON and error shape shared by every endpoint.
builder.AddKernel(serveArgs).AddJsonDefaults();
builder.Services.AddProblemDetails();

// Features: source lists → index → search.
builder.AddCatalog().AddIndexing().AddIndexServing().AddSearch().AddHealth();
builder.AddCrawling();

// Scheduled and on-demand reindexing.
builder.AddReindexJobs();

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
app.MapWebUi();

app.MapSearchApi();
app.MapSuggestApi();
app.MapStatsApi();
app.MapHealthApi();
app.MapAdminApi();
app.MapApiDocs().MapMetrics();

await app.RunAsync();
return 0;

public partial class Program;
