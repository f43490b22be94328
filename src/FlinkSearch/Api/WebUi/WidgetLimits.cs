using System.Text.Json;
using FlinkSearch.Related;
using FlinkSearch.Search;

namespace FlinkSearch.Api.WebUi;

/// <summary>
/// The server's bounds that the widget keeps to, taken from the constants that the request records' validation
/// attributes use (<see cref="SearchParameters"/>, <see cref="SuggestParameters"/>, <see cref="RelatedParameters"/>).
/// The widget imports them as <c>limits.js</c>, so no bound is copied by hand into its scripts.
/// </summary>
public sealed record WidgetLimits(int MaxQueryLength, int MaxPageSize, int MaxDepth, int MaxSuggestions, int MaxRelated)
{
    public static WidgetLimits Server { get; } = new(
        SearchRequest.MaxQueryLength, SearchRequest.MaxSize, SearchRequest.MaxDepth, SuggestParameters.MaxSize, RelatedArticles.MaxSize);

    /// <summary>The ES module the widget imports: one frozen object.</summary>
    public string ToModule() =>
        "// The server's request bounds (Api/WebUi/WidgetLimits.cs), generated so the widget never copies them.\n"
        + $"export const limits = Object.freeze({JsonSerializer.Serialize(this, JsonSerializerOptions.Web)});\n";
}
