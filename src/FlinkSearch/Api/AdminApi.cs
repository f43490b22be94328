using System.ComponentModel;
using FlinkSearch.Admin;
using FlinkSearch.Api.Admin;
using FlinkSearch.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Api;

public static class AdminApi
{
    public const string ApiKeyHeader = AdminAccess.ApiKeyHeader;

    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddAdminAccess().AddAdminViews();
        return builder;
    }

    /// <summary>
    /// The admin endpoints, behind the API key (header) or a console session that their group checks, and the console
    /// itself; all absent without a key.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (!options.Enabled)
        {
            return routes;
        }

        var group = routes.MapGroup("/admin").WithTags("Admin");
        group.AddEndpointFilter(async (context, next) =>
        {
            var caller = await AdminAccess.IdentifyAsync(context.HttpContext);
            if (caller == AdminAccess.Caller.None)
            {
                return TypedResults.Problem($"Send the admin key in the {ApiKeyHeader} header, or sign in at /admin.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
            }

            // A browser session changes nothing without the token of a page this server rendered (no cross-site requests).
            return await AdminAccess.PassesAntiforgeryAsync(context.HttpContext, caller)
                ? await next(context)
                : TypedResults.Problem("A signed-in browser must send the antiforgery token with this request.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        });
        group.MapPost("/reindex", StartReindex).WithName("StartReindex").WithSummary("Start a crawl + index run in the background.");
        group.MapGet("/reindex/{id}", GetReindex).WithName("GetReindex").WithSummary("State, counts and errors of one reindex run.");
        group.MapPost("/import", ImportApi.ImportPage).Accepts<string>("text/html").WithName("ImportPage").WithSummary("Store one saved article page (the body) as its article's good copy.");
        group.MapGet("/articles", ArticlesPage.ListJson).WithName("ListArticles")
            .WithSummary("Every listed article with its crawl state (ok, stale, failed, never, imported), last good fetch and takedown; filter by state and reason.");
        group.MapGet("/articles/{id}", ArticlesPage.GetJson).WithName("GetArticle").WithSummary("One article: state, what extraction found, the failures since its last good copy.");
        group.MapTakedownApi();
        group.MapBackupApi();
        routes.MapAdminConsole();
        return routes;
    }

    public static Results<Accepted<ReindexAccepted>, ProblemHttpResult> StartReindex(
        ReindexCoordinator coordinator,
        [Description("true: build the index in full instead of carrying unchanged articles over from the generation being served.")] bool? full)
    {
        var run = coordinator.TryStart("admin", full == true);
        return run is null
            ? TypedResults.Problem("A reindex is already running; watch it with GET /admin/reindex/{id}.", statusCode: StatusCodes.Status409Conflict, title: "Reindex running")
            : TypedResults.Accepted($"/admin/reindex/{run.Id}", new ReindexAccepted(run.Id, run.State));
    }

    public static Results<Ok<ReindexRun>, NotFound> GetReindex(string id, ReindexCoordinator coordinator) =>
        coordinator.Find(id) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound();
}

public sealed record ReindexAccepted(string Id, string State);
