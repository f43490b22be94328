using System.Globalization;
using FlinkSearch.Api.Observability;
using FlinkSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api;

public static class SuggestApi
{
    public const int MaxPrefixLength = 100;
    public const int DefaultSize = 8;
    public const int MaxSize = 20;

    public static RouteGroupBuilder MapSuggestApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Search");
        group.MapGet("/suggest", Suggest)
            .WithName("Suggest")
            .WithSummary("Search-as-you-type: known terms and titles starting with the typed prefix, the prefix marked.")
            .WithSearchMetrics("suggest");
        return group;
    }

    public static Results<Ok<SuggestResponse>, ProblemHttpResult> Suggest(string? q, string? size, SuggestService suggestions, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.BadRequest("Missing prefix", "Give the text typed so far in 'q'.");
        }

        if (q.Length > MaxPrefixLength)
        {
            return ApiProblems.BadRequest("Prefix too long", $"'q' may be at most {MaxPrefixLength} characters (UTF-16 code units); it has {q.Length}.");
        }

        var count = DefaultSize;
        if (!string.IsNullOrWhiteSpace(size) && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxSize))
        {
            return ApiProblems.BadRequest("Invalid size", $"'size' must be a whole number from 1 to {MaxSize}.");
        }

        try
        {
            return TypedResults.Ok(suggestions.Suggest(q.Trim(), count));
        }
        catch (IndexNotReadyException)
        {
            return ApiProblems.NotReady(context);
        }
    }
}
