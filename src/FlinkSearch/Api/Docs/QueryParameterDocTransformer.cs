using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FlinkSearch.Api.Docs;

/// <summary>Replaces the plain-string description of parameters that carry a <see cref="QueryParameterDoc"/> with their real schema.</summary>
public sealed class QueryParameterDocTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var docs = context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameterDoc>().ToList();
        if (docs.Count == 0)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach (var doc in docs)
        {
            var existing = operation.Parameters.FirstOrDefault(p => p.Name == doc.Name && p.In == ParameterLocation.Query);
            if (existing is not null)
            {
                operation.Parameters.Remove(existing);
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = doc.Name,
                In = ParameterLocation.Query,
                Required = doc.Required,
                Description = doc.Description,
                Schema = Schema(doc),
            });
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Schema(QueryParameterDoc doc) => doc.Integer
        ? new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = doc.Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = doc.Maximum?.ToString(CultureInfo.InvariantCulture),
            Default = doc.Default is { } value ? JsonValue.Create(value) : null,
        }
        : new OpenApiSchema { Type = JsonSchemaType.String, MinLength = doc.Required ? 1 : null, MaxLength = doc.MaxLength };
}
