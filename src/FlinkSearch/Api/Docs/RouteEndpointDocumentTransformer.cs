using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace FlinkSearch.Api.Docs;

/// <summary>
/// Describes the endpoints that are not route handlers (health checks, the metrics endpoint, …) from their metadata,
/// so that the document lists every mapped endpoint. Endpoints marked <c>ExcludeFromDescription()</c> stay out.
/// </summary>
public sealed class RouteEndpointDocumentTransformer(EndpointDataSource endpoints) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        foreach (var endpoint in DescribableEndpoints(endpoints))
        {
            var path = PathOf(endpoint.RoutePattern);
            if (!document.Paths.TryGetValue(path, out var item))
            {
                item = new OpenApiPathItem();
                document.Paths[path] = item;
            }

            if (item is not OpenApiPathItem pathItem)
            {
                continue;
            }

            pathItem.Operations ??= [];
            foreach (var method in MethodsOf(endpoint))
            {
                var httpMethod = new HttpMethod(method);
                if (!pathItem.Operations.ContainsKey(httpMethod))
                {
                    pathItem.Operations[httpMethod] = Describe(endpoint, document);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Every routed endpoint that is meant to appear in the API document.</summary>
    public static IEnumerable<RouteEndpoint> DescribableEndpoints(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true });

    /// <summary>The route as an OpenAPI path: leading slash, parameters without constraints.</summary>
    public static string PathOf(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));

    /// <summary>The endpoint's HTTP methods; one mapped for any method is described as GET, the way it is used.</summary>
    public static IReadOnlyList<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Where(m => m != HttpMethods.Head).ToList() is { Count: > 0 } methods
            ? methods
            : [HttpMethods.Get];

    private static OpenApiOperation Describe(RouteEndpoint endpoint, OpenApiDocument document)
    {
        var metadata = endpoint.Metadata;
        var tags = metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags).Distinct().ToList();
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in tags.Where(tag => document.Tags.All(existing => existing.Name != tag)))
        {
            document.Tags.Add(new OpenApiTag { Name = tag });
        }

        var operation = new OpenApiOperation
        {
            OperationId = metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
            Summary = metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? endpoint.DisplayName,
            Description = metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description,
            Tags = tags.Select(tag => new OpenApiTagReference(tag, document)).ToHashSet(),
            Parameters = endpoint.RoutePattern.Parameters
                .Select(p => (IOpenApiParameter)new OpenApiParameter { Name = p.Name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } })
                .ToList(),
            Responses = [],
        };

        foreach (var produces in metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>())
        {
            operation.Responses[produces.StatusCode.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = produces.Description ?? ReasonPhrases.GetReasonPhrase(produces.StatusCode),
                Content = produces.ContentTypes.ToDictionary(
                    contentType => contentType,
                    _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
            };
        }

        if (operation.Responses.Count == 0)
        {
            operation.Responses["200"] = new OpenApiResponse { Description = "OK" };
        }

        return operation;
    }
}
