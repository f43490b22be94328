using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;

namespace FlinkSearch.Api;

public static class ApiExtensions
{
    /// <summary>
    /// What every endpoint shares: JSON that keeps Chinese readable while still escaping the HTML-significant
    /// characters, validation of request records, and ProblemDetails for every error through one exception handler.
    /// </summary>
    public static IHostApplicationBuilder AddApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            // Numbers are numbers: the API document then types page and size as integers, not "integer or string".
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddValidation();
        // A value that cannot be bound (size=abc) is thrown, so that the exception handler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Validation answers list their messages per field; the detail says them in one line for simple clients.
            if (context.ProblemDetails is HttpValidationProblemDetails { Detail: null, Errors.Count: > 0 } validation)
            {
                validation.Detail = string.Join(" ", validation.Errors.SelectMany(error => error.Value).Distinct());
            }
        });
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        return builder;
    }
}
