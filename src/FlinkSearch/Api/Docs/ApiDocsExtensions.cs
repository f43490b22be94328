using Scalar.AspNetCore;

namespace FlinkSearch.Api.Docs;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and, in Development, a browsable page at <c>/scalar</c>.</summary>
public static class ApiDocsExtensions
{
    public const string DocumentName = "v1";

    public static IHostApplicationBuilder AddApiDocs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FlinkSearch";
                document.Info.Description = "Full-text search over Chinese articles about Apache Flink. Errors are RFC 9457 ProblemDetails.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<RateLimitResponseTransformer>();
            options.AddDocumentTransformer<RouteEndpointDocumentTransformer>();
        });
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }
}
