using FlinkSearch.Api.Observability;
using FlinkSearch.Api.Protection;
using FlinkSearch.Api.WebUi;
using FlinkSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api;

/// <summary>
/// The public search endpoints. Their group carries what every one of them needs: the per-client rate limit, the
/// output cache, CORS for embedding sites, the search metrics and the error answers; a new one is one line here.
/// </summary>
public static class SearchApi
{
    /// <summary>Names the index generation that answered, so operators (and tests) can tell builds apart.</summary>
    public const string GenerationHeader = "X-Index-Generation";

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Search")
            .RequireRateLimiting(SearchRateLimit.PolicyName)
            .CacheOutput(SearchOutputCachePolicy.PolicyName)
            .RequireCors(WebUiExtensions.EmbeddingCorsPolicy)
            .WithSearchMetrics()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/search", Search).WithName("Search")
            .WithSummary("Ranked full-text search over the article titles, sections, notes and bodies.");
        group.MapGet("/suggest", Suggest).WithName("Suggest")
            .WithSummary("Search-as-you-type: known terms and titles starting with the typed prefix, the prefix marked.");
        return group;
    }

    public static Ok<SearchResponse> Search([AsParameters] SearchParameters parameters, SearchService search, HttpContext context)
    {
        var response = search.Search(parameters.ToRequest());
        context.Response.Headers[GenerationHeader] = response.Generation;
        return TypedResults.Ok(response);
    }

    public static Ok<SuggestResponse> Suggest([AsParameters] SuggestParameters parameters, SuggestService suggestions) =>
        TypedResults.Ok(suggestions.Suggest(parameters.Prefix!.Trim(), parameters.Size));
}
