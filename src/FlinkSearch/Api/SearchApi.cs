using System.Globalization;
using FlinkSearch.Api.Docs;
using FlinkSearch.Api.Observability;
using FlinkSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api;

public static class SearchApi
{
    /// <summary>Names the index generation that answered, so operators (and tests) can tell builds apart.</summary>
    public const string GenerationHeader = "X-Index-Generation";

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Search");
        group.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Ranked full-text search over the article titles, sections, notes and bodies.")
            .WithSearchParameterDocs()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSearchMetrics("search");
        return group;
    }

    // Parameters arrive as text so that every malformed value gets the same precise ProblemDetails.
    public static Results<Ok<SearchResponse>, ProblemHttpResult> Search(
        string? q, string? page, string? size, string? section, SearchService search, HttpContext context)
    {
        if (ReadRequest(q, page, size, section, out var request) is { } problem)
        {
            return problem;
        }

        try
        {
            var response = search.Search(request);
            context.Response.Headers[GenerationHeader] = response.Generation;
            return TypedResults.Ok(response);
        }
        catch (IndexNotReadyException)
        {
            return ApiProblems.NotReady(context);
        }
    }

    private static ProblemHttpResult? ReadRequest(string? q, string? page, string? size, string? section, out SearchRequest request)
    {
        request = null!;
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.BadRequest("Missing query", "Give the text to search for in 'q'.");
        }

        if (q.Length > SearchRequest.MaxQueryLength)
        {
            return ApiProblems.BadRequest("Query too long", $"'q' may be at most {SearchRequest.MaxQueryLength} characters (UTF-16 code units); it has {q.Length}.");
        }

        if (!TryParse(page, 1, out var pageNumber) || pageNumber < 1)
        {
            return ApiProblems.BadRequest("Invalid page", "'page' must be a whole number of at least 1.");
        }

        if (!TryParse(size, 10, out var pageSize) || pageSize is < 1 or > SearchRequest.MaxSize)
        {
            return ApiProblems.BadRequest("Invalid size", $"'size' must be a whole number from 1 to {SearchRequest.MaxSize}.");
        }

        if ((long)pageNumber * pageSize > SearchRequest.MaxDepth)
        {
            return ApiProblems.BadRequest("Page too deep", $"'page' × 'size' may be at most {SearchRequest.MaxDepth}; refine the query instead.");
        }

        if (section is { Length: > SearchRequest.MaxQueryLength })
        {
            return ApiProblems.BadRequest("Invalid section", "'section' is too long.");
        }

        request = new SearchRequest(q.Trim(), pageNumber, pageSize, string.IsNullOrWhiteSpace(section) ? null : section.Trim());
        return null;
    }

    private static bool TryParse(string? text, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

}
