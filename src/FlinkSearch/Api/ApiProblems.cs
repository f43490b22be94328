using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api;

/// <summary>The ProblemDetails answers shared by the endpoints.</summary>
public static class ApiProblems
{
    public const int RetryAfterSeconds = 2;

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static ProblemHttpResult NotReady(HttpContext context)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem("The index is being built; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Index not ready");
    }
}
