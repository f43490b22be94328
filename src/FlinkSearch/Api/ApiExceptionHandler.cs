using System.Globalization;
using FlinkSearch.Search;
using Microsoft.AspNetCore.Diagnostics;

namespace FlinkSearch.Api;

/// <summary>
/// The one place where known exceptions become answers: "index not ready" is 503 with <c>Retry-After</c>, a value
/// that could not be bound (<c>size=abc</c>) is 400 with what was wrong. Anything else stays a 500.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            IndexNotReadyException => (StatusCodes.Status503ServiceUnavailable, "Index not ready", "The index is being built; try again shortly."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
