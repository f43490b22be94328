using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using FlinkSearch.Api.Admin;
using FlinkSearch.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Api;

public static class AdminApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>The admin endpoints, behind the API key that their group checks; absent without a key.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (!options.Enabled)
        {
            return routes;
        }

        var expected = Encoding.UTF8.GetBytes(options.ApiKey!);
        var group = routes.MapGroup("/admin").WithTags("Admin");
        group.AddEndpointFilter(async (context, next) =>
        {
            var given = context.HttpContext.Request.Headers[ApiKeyHeader].ToString();
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected)
                ? await next(context)
                : TypedResults.Problem($"Send the admin key in the {ApiKeyHeader} header.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        });
        group.MapPost("/reindex", StartReindex).WithName("StartReindex").WithSummary("Start a crawl + index run in the background.");
        group.MapGet("/reindex/{id}", GetReindex).WithName("GetReindex").WithSummary("State, counts and errors of one reindex run.");
        group.MapPost("/import", ImportApi.ImportPage).Accepts<string>("text/html").WithName("ImportPage").WithSummary("Store one saved article page (the body) as its article's good copy.");
        group.MapTakedownApi();
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
