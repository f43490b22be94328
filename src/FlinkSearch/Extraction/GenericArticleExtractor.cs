using System.Globalization;
using AngleSharp.Dom;
using static FlinkSearch.Extraction.PageFields;

namespace FlinkSearch.Extraction;

/// <summary>Any other site: the <c>&lt;article&gt;</c>, the <c>&lt;main&gt;</c>, or else the block holding the most paragraph text.</summary>
public sealed class GenericArticleExtractor : IPageExtractor
{
    public static readonly GenericArticleExtractor Instance = new();

    private GenericArticleExtractor()
    {
    }

    private static readonly string[] ContainerNames = ["div", "section", "td", "article", "main"];
    private static readonly string[] ParagraphNames = ["p", "pre", "blockquote", "h2", "h3", "h4", "li", "ul", "ol", "table"];

    public bool Handles(Uri url, IDocument document) => true;

    public ExtractionResult Extract(Uri url, IDocument document)
    {
        var container = Largest(document.QuerySelectorAll("article"))
            ?? Largest(document.QuerySelectorAll("main, [role=main]"))
            ?? Densest(document)
            ?? document.Body;
        var body = container is null ? "" : ArticleText.From(container);
        if (body.Length == 0)
        {
            return ExtractionResult.Failure(FailureReasons.Empty, $"no text found on {url.Host}");
        }

        return ExtractionResult.Success(new ExtractedArticle(
            FirstText(Meta(document, "og:title"), Text(document.QuerySelector("h1")), document.Title),
            FirstText(Meta(document, "author"), Meta(document, "article:author"), Text(document.QuerySelector("[rel=author], .author"))),
            FirstText(Meta(document, "og:site_name")),
            PublishedAt(document),
            FirstText(Meta(document, "og:description"), Meta(document, "description")),
            FirstText(Meta(document, "og:image")),
            body));
    }

    private static IElement? Largest(IEnumerable<IElement> candidates) =>
        candidates.Where(e => !ArticleText.IsHidden(e)).MaxBy(e => e.TextContent.Length) is { } best && best.TextContent.Trim().Length > 0 ? best : null;

    /// <summary>The element whose own paragraphs hold the most text: navigation and footers are links, not paragraphs.</summary>
    private static IElement? Densest(IDocument document) =>
        document.Body?.QuerySelectorAll(string.Join(", ", ContainerNames))
            .Select(e => (Element: e, Score: e.Children.Where(c => ParagraphNames.Contains(c.LocalName)).Sum(c => c.TextContent.Trim().Length)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Select(x => x.Element)
            .FirstOrDefault();

    private static DateTimeOffset? PublishedAt(IDocument document)
    {
        var text = FirstText(Meta(document, "article:published_time"), document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        return text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
