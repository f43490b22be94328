using FlinkSearch.Feed;
using FlinkSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api;

/// <summary><c>GET /feed.xml</c>, mapped on the search group: the same rate limit, and an output cache that follows the generation and takedowns.</summary>
public static class FeedApi
{
    public static RouteGroupBuilder MapFeedApi(this RouteGroupBuilder group)
    {
        group.MapGet("/feed.xml", Feed).WithName("Feed")
            .WithSummary("Atom 1.0 feed of the 50 most recently published (else first crawled) articles; hidden ones left out.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        return group;
    }

    public static FileContentHttpResult Feed(NewArticles articles, HttpContext context)
    {
        var snapshot = articles.Latest() ?? throw new IndexNotReadyException();
        var request = context.Request;
        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        context.Response.Headers[SearchApi.GenerationHeader] = snapshot.Generation;
        return TypedResults.File(AtomFeed.Write(snapshot, site), AtomFeed.ContentType);
    }
}
