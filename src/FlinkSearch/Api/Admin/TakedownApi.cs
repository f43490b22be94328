using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FlinkSearch.Takedowns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api.Admin;

/// <summary>Takedowns: hide an article from search, suggestions, related articles and the feed at once, and show it again.</summary>
public static class TakedownApi
{
    public static RouteGroupBuilder MapTakedownApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/hidden", List).WithName("ListHidden").WithSummary("The articles taken out of search, with why and when.");
        admin.MapPost("/articles/{id}/hidden", Hide).WithName("HideArticle")
            .WithSummary("Take an article out of search at once (no rebuild); it stays hidden across reindexes, restarts and restores.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapDelete("/articles/{id}/hidden", Unhide).WithName("UnhideArticle").WithSummary("Show a hidden article again.");
        return admin;
    }

    public static Ok<IReadOnlyList<Takedown>> List(TakedownService takedowns) => TypedResults.Ok(takedowns.All);

    public static Results<Ok<Takedown>, ProblemHttpResult> Hide(
        [Description("The article's id, as in search results.")] string id, TakedownRequest request, TakedownService takedowns)
    {
        if (!ArticleReference.IsId(id))
        {
            return TypedResults.Problem($"'{id}' is not an article id (16 hexadecimal digits, as in search results).", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        return takedowns.Hide(id, request.Reason!) is { } takedown
            ? TypedResults.Ok(takedown)
            : TypedResults.Problem($"The served index has no article {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown article");
    }

    public static Results<NoContent, ProblemHttpResult> Unhide(string id, TakedownService takedowns) =>
        takedowns.Unhide(id)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"Article {id} is not hidden.", statusCode: StatusCodes.Status404NotFound, title: "Not hidden");
}

/// <param name="Reason">Why the article is hidden (the author asked, a legal notice…); shown in the console's list.</param>
public sealed record TakedownRequest(
    [property: Required, StringLength(TakedownService.MaxReasonLength, MinimumLength = 1)] string? Reason);
