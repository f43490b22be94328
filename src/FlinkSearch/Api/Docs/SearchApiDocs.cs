using FlinkSearch.Search;

namespace FlinkSearch.Api.Docs;

/// <summary>The real types and bounds of <c>GET /search</c>'s text parameters, for the API document.</summary>
public static class SearchApiDocs
{
    public static RouteHandlerBuilder WithSearchParameterDocs(this RouteHandlerBuilder builder) => builder.WithQueryParameterDocs(
        new("q", $"Text to search for: words, Chinese text, \"quoted phrases\"; at most {SearchRequest.MaxQueryLength} UTF-16 code units.",
            Required: true, MaxLength: SearchRequest.MaxQueryLength),
        new("page", $"Result page, from 1; page × size may be at most {SearchRequest.MaxDepth}.", Integer: true, Minimum: 1, Default: 1),
        new("size", "Hits per page.", Integer: true, Minimum: 1, Maximum: SearchRequest.MaxSize, Default: 10),
        new("section", "Only hits listed under this section (exact name); the section counts still cover every section.",
            MaxLength: SearchRequest.MaxQueryLength));
}
