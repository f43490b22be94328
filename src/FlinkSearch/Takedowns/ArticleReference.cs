using System.Text.RegularExpressions;
using FlinkSearch.Catalog;

namespace FlinkSearch.Takedowns;

/// <summary>What an operator may name an article by: its id as in search results, or any form of its URL.</summary>
public static partial class ArticleReference
{
    /// <summary>The article id for <paramref name="text"/>, or null when it is neither an id nor an http(s) URL.</summary>
    public static string? ToId(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (IdPattern().IsMatch(trimmed))
        {
            return trimmed;
        }

        return CanonicalUrl.TryParse(trimmed, out var url) ? url!.Id : null;
    }

    public static bool IsId(string text) => IdPattern().IsMatch(text);

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex IdPattern();
}
