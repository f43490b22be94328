using FlinkSearch.Api.Protection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace FlinkSearch.Api.Docs;

/// <summary>Adds the 429 answer (with <c>Retry-After</c>) to the operations whose group requires a rate limit.</summary>
public sealed class RateLimitResponseTransformer(IOptions<RateLimitingOptions> options) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !context.Description.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            return;
        }

        IOpenApiSchema problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        if (context.Document is { } document)
        {
            // Share the ProblemDetails component the other error answers use instead of repeating it inline.
            document.AddComponent(nameof(ProblemDetails), problem);
            problem = new OpenApiSchemaReference(nameof(ProblemDetails), document);
        }

        operation.Responses ??= [];
        operation.Responses["429"] = new OpenApiResponse
        {
            Description = $"More than {settings.PermitLimit} requests per {settings.Window} from one client address.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            },
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
        };
    }
}
