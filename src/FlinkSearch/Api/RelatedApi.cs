using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FlinkSearch.Related;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FlinkSearch.Api;

/// <summary><c>GET /articles/{id}/related</c>, mapped on the search group so it shares its rate limit, output cache and CORS.</summary>
public static class RelatedApi
{
    public static RouteGroupBuilder MapRelatedApi(this RouteGroupBuilder group)
    {
        group.MapGet("/articles/{id}/related", Related).WithName("RelatedArticles")
            .WithSummary("Articles like this one (Lucene's MoreLikeThis over title and body, the same section weighted up); hidden ones left out.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static Results<Ok<RelatedResult>, ProblemHttpResult> Related([AsParameters] RelatedParameters parameters, RelatedArticles related, HttpContext context)
    {
        if (related.Find(parameters.Id, parameters.Size) is not { } result)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown article",
                detail: $"No article with id '{parameters.Id}' is in the index (or it has been taken down).");
        }

        context.Response.Headers[SearchApi.GenerationHeader] = result.Generation;
        return TypedResults.Ok(result);
    }
}

/// <summary>The route and query string of <c>GET /articles/{id}/related</c>; the bounds are checked by <c>AddValidation()</c>.</summary>
public sealed record RelatedParameters(
    [property: FromRoute(Name = "id")]
    [property: Description("The article's id, as in search results.")]
    string Id,
    [property: FromQuery(Name = "size")]
    [property: Description("How many related articles.")]
    [property: Range(1, RelatedArticles.MaxSize, ErrorMessage = "'size' must be a whole number from {1} to {2}.")]
    int Size = RelatedArticles.DefaultSize);
