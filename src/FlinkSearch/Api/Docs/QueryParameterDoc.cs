namespace FlinkSearch.Api.Docs;

/// <summary>
/// How the API document should describe a query parameter that the handler takes as text (so that every malformed
/// value gets a precise ProblemDetails) but that means a number or a bounded string.
/// </summary>
public sealed record QueryParameterDoc(
    string Name,
    string Description,
    bool Required = false,
    bool Integer = false,
    int? Minimum = null,
    int? Maximum = null,
    int? Default = null,
    int? MaxLength = null);

public static class QueryParameterDocExtensions
{
    public static RouteHandlerBuilder WithQueryParameterDocs(this RouteHandlerBuilder builder, params QueryParameterDoc[] parameters) =>
        builder.WithMetadata([.. parameters]);
}
