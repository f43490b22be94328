using System.Net;

namespace FlinkSearch.Search;

/// <summary>
/// Escapes page text for the HTML fragments we return. The framework's encoder leaves Chinese as is, unlike Lucene's
/// SimpleHTMLEncoder, which writes every Chinese character as a numeric entity.
/// </summary>
public static class HtmlText
{
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
