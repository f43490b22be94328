using System.Text;

namespace FlinkSearch.Search;

/// <summary>Escapes page text for the HTML fragments we return. Unlike Lucene's SimpleHTMLEncoder it leaves Chinese as is.</summary>
public static class HtmlText
{
    public static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (replacement is null)
            {
                escaped?.Append(text[i]);
                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(replacement);
        }

        return escaped?.ToString() ?? text;
    }
}
