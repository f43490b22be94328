using System.Text.RegularExpressions;

namespace FlinkSearch.Benchmarks.Corpus;

/// <summary>One page of the Flink Chinese docs reduced to plain text: its title and its paragraphs, split at <c>##</c> headings.</summary>
public sealed record HugoPage(string Title, IReadOnlyList<HugoPart> Parts);

/// <summary>A stretch of a page under one heading; <see cref="Paragraphs"/> are plain text.</summary>
public sealed record HugoPart(string Heading, IReadOnlyList<string> Paragraphs)
{
    public int Length => Paragraphs.Sum(p => p.Length);
}

public static partial class HugoPageReader
{
    public static HugoPage Read(string markdown, string fallbackTitle)
    {
        var (title, content) = SplitFrontMatter(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), fallbackTitle);
        content = HtmlComment().Replace(content, "");
        content = ShortcodeLink().Replace(content, "$1");
        content = Shortcode().Replace(content, "");
        content = MarkdownLink().Replace(content, "$1");
        content = HtmlTag().Replace(content, "");
        content = Emphasis().Replace(content, "");

        var parts = new List<HugoPart>();
        var heading = title;
        var paragraphs = new List<string>();
        foreach (var block in content.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (block.StartsWith("## ", StringComparison.Ordinal) || block.StartsWith("# ", StringComparison.Ordinal))
            {
                if (paragraphs.Count > 0)
                {
                    parts.Add(new HugoPart(heading, paragraphs));
                    paragraphs = [];
                }

                var lines = block.Split('\n', 2);
                heading = lines[0].TrimStart('#').Trim();
                if (lines.Length > 1 && lines[1].Trim().Length > 0)
                {
                    paragraphs.Add(Flatten(lines[1]));
                }

                continue;
            }

            var text = Flatten(block);
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        if (paragraphs.Count > 0)
        {
            parts.Add(new HugoPart(heading, paragraphs));
        }

        return new HugoPage(title, parts);
    }

    private static (string Title, string Content) SplitFrontMatter(string markdown, string fallbackTitle)
    {
        if (!markdown.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (fallbackTitle, markdown);
        }

        var end = markdown.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            return (fallbackTitle, markdown);
        }

        var front = markdown[4..end];
        var match = TitleLine().Match(front);
        var title = match.Success ? match.Groups[1].Value.Trim().Trim('"', '\'') : fallbackTitle;
        return (title, markdown[(end + 4)..]);
    }

    // Headings inside a block, list markers and line breaks become plain running text, as in an extracted article body.
    private static string Flatten(string block) =>
        Whitespace().Replace(ListMarker().Replace(block, ""), " ").Trim();

    [GeneratedRegex(@"^title:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"\[([^\]]*)\]\(\{\{<[^>]*>\}\}[^)]*\)")]
    private static partial Regex ShortcodeLink();

    [GeneratedRegex(@"\{\{[<%].*?[>%]\}\}", RegexOptions.Singleline)]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\*\*|`")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+\.)\s+|^#+\s*", RegexOptions.Multiline)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
