using System.Text;
using AngleSharp.Dom;

namespace FlinkSearch.Extraction;

/// <summary>
/// Turns an article container into plain text: one line per paragraph or block, code kept line by line,
/// images reduced to their alt text, and scripts, styles, hidden parts and page furniture left out.
/// </summary>
public static class ArticleText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "video", "audio", "object", "embed",
        "button", "input", "select", "textarea", "form", "nav", "mpvoice", "mpvideo", "mpprofile", "mp-common-profile",
        "mp-common-videosnap", "mp-common-mpaudio", "qqmusic",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "figure", "figcaption",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "hr", "br",
    };

    // WeChat furniture that can sit inside or next to the content container: QR codes, tags, "阅读原文", rewards, code line numbers.
    private static readonly string[] BoilerplateIds = ["js_pc_qr_code", "js_tags", "js_view_source", "js_reward_area", "js_like_area", "js_cmt_area", "js_sponsor_ad_area", "js_share_source"];
    private static readonly string[] BoilerplateClasses = ["code-snippet__line-index", "article-tag__list", "qr_code_pc", "reward_area", "js_ad_link", "mp_profile_iframe_wrp"];

    public static string From(IElement root)
    {
        var writer = new Writer();
        foreach (var child in root.ChildNodes)
        {
            Walk(child, writer, inPre: false);
        }

        return writer.Finish();
    }

    public static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal);
    }

    private static bool IsBoilerplate(IElement element) =>
        (element.Id is { } id && BoilerplateIds.Contains(id, StringComparer.Ordinal))
        || BoilerplateClasses.Any(element.ClassList.Contains);

    private static void Walk(INode node, Writer writer, bool inPre)
    {
        switch (node)
        {
            case IText text:
                writer.Text(text.Data, inPre);
                return;
            case IElement element:
                WalkElement(element, writer, inPre);
                return;
        }
    }

    private static void WalkElement(IElement element, Writer writer, bool inPre)
    {
        var name = element.LocalName;
        if (Skipped.Contains(name) || IsHidden(element) || IsBoilerplate(element))
        {
            return;
        }

        if (name == "img")
        {
            if (element.GetAttribute("alt") is { Length: > 0 } alt && !string.IsNullOrWhiteSpace(alt))
            {
                writer.Text(" " + alt.Trim() + " ", inPre: false);
            }

            return;
        }

        if (name == "br")
        {
            writer.Break();
            return;
        }

        var block = Blocks.Contains(name);
        var pre = inPre || name == "pre";
        if (block)
        {
            writer.Break();
        }

        // WeChat's code blocks hold one <code> per source line inside the <pre>.
        var codeLines = name == "pre" && element.Children.Count(c => c.LocalName == "code") > 1;
        foreach (var child in element.ChildNodes)
        {
            Walk(child, writer, pre);
            if (codeLines && child is IElement { LocalName: "code" })
            {
                writer.Break();
            }
        }

        if (block)
        {
            writer.Break();
        }
    }

    private sealed class Writer
    {
        private readonly List<string> lines = [];
        private readonly StringBuilder line = new();

        public void Text(string data, bool inPre)
        {
            if (inPre)
            {
                var parts = data.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\u00a0', ' ').Split('\n');
                for (var i = 0; i < parts.Length; i++)
                {
                    if (i > 0)
                    {
                        Break();
                    }

                    line.Append(parts[i].TrimEnd());
                }

                return;
            }

            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c) || c == '\u00a0' || c == '\u200b' || c == '\ufeff')
                {
                    if (line.Length > 0 && line[^1] != ' ')
                    {
                        line.Append(' ');
                    }
                }
                else
                {
                    line.Append(c);
                }
            }
        }

        public void Break()
        {
            var text = line.ToString().TrimEnd();
            if (text.Trim().Length > 0)
            {
                lines.Add(text);
            }

            line.Clear();
        }

        public string Finish()
        {
            Break();
            return string.Join('\n', lines);
        }
    }
}
