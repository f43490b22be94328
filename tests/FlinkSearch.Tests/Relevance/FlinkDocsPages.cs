using System.Net;
using System.Text.RegularExpressions;
using FlinkSearch.Extraction;
using FlinkSearch.Indexing;
using Markdig;

namespace FlinkSearch.Tests.Relevance;

/// <summary>
/// The pages of the Flink zh documentation (<c>../shared/corpus/flink-docs-zh</c>) as a crawl would index them: each page
/// rendered to an HTML article (front-matter title as &lt;title&gt; and &lt;h1&gt;, shortcodes and the license comment gone),
/// read back by the app's own extraction, one article per page. An article's id is its path under the corpus folder.
/// </summary>
public static partial class FlinkDocsPages
{
    public const string CorpusFolder = "corpus/flink-docs-zh";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The corpus folder, or null when <c>../shared/</c> does not hold it.</summary>
    public static string? Folder => Infrastructure.RepositoryPaths.Shared(CorpusFolder);

    public static IReadOnlyList<IndexableArticle> Load(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => ToArticle(Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllText(file)))];

    /// <summary>The address a page gets; <see cref="PathOf"/> turns it back into the path the judgments name.</summary>
    public static string UrlOf(string path) => "https://flink-docs.invalid/" + path;

    public static string PathOf(string url) => url["https://flink-docs.invalid/".Length..];

    private static IndexableArticle ToArticle(string path, string markdown)
    {
        var url = UrlOf(path);
        var (title, content) = SplitFrontMatter(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), Path.GetFileNameWithoutExtension(path));
        var result = ArticleExtractor.Extract(new Uri(url), ToHtml(title, content), []);
        var article = result.Article ?? throw new InvalidOperationException($"{path}: extraction failed ({result.FailureReason}: {result.Detail})");
        return new IndexableArticle(path, url, article.Title ?? title, [], null, "flink-docs", 0, ArticleStatus.Ok, article.Text);
    }

    private static string ToHtml(string title, string content)
    {
        content = LicenseComment().Replace(content, "");
        content = ShortcodeTarget().Replace(content, "](#");
        content = Shortcode().Replace(content, "");
        var encoded = WebUtility.HtmlEncode(title);
        // Most pages open with their own `# Title`; the page template adds the heading only to those that do not.
        var heading = content.TrimStart().StartsWith("# ", StringComparison.Ordinal) ? "" : $"<h1>{encoded}</h1>";
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{encoded}</title></head>" +
            $"<body><article>{heading}\n{Markdown.ToHtml(content, Pipeline)}</article></body></html>";
    }

    private static (string Title, string Content) SplitFrontMatter(string markdown, string fallbackTitle)
    {
        var end = markdown.StartsWith("---\n", StringComparison.Ordinal) ? markdown.IndexOf("\n---", 4, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            return (fallbackTitle, markdown);
        }

        var title = TitleLine().Match(markdown[4..end]) is { Success: true } match ? match.Groups[1].Value.Trim().Trim('"', '\'').Trim() : fallbackTitle;
        return (title, markdown[(end + 4)..]);
    }

    [GeneratedRegex(@"^title:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex LicenseComment();

    // A link whose target is a shortcode (`[text]({{< ref "docs/..." >}})`) keeps its text and becomes a local link.
    [GeneratedRegex(@"\]\(\s*\{\{<[^>]*>\}\}")]
    private static partial Regex ShortcodeTarget();

    // Every other shortcode (hint, tabs, highlight, top, label, ...) goes; what it wraps stays.
    [GeneratedRegex(@"\{\{[<%].*?[>%]\}\}", RegexOptions.Singleline)]
    private static partial Regex Shortcode();
}
