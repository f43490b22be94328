using AngleSharp.Dom;

namespace FlinkSearch.Extraction;

/// <summary>Small readers shared by the extractors: meta tags, an element's collapsed text, the first non-empty value.</summary>
public static class PageFields
{
    public static string? Meta(IDocument document, string property) =>
        FirstText(document.QuerySelectorAll("meta")
            .Where(m => string.Equals(m.GetAttribute("property"), property, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(m.GetAttribute("name"), property, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.GetAttribute("content"))
            .ToArray());

    public static string? Text(IElement? element) =>
        element is null ? null : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string? FirstText(params string?[] candidates) =>
        candidates.Select(c => c?.Trim()).FirstOrDefault(c => !string.IsNullOrEmpty(c));
}
