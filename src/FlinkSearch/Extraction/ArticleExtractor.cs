using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using static FlinkSearch.Extraction.PageFields;

namespace FlinkSearch.Extraction;

/// <summary>The extraction entry point: a pure function from a page's final URL and HTML to an article or a failure reason.</summary>
public static class ArticleExtractor
{
    private static readonly HtmlParserOptions Options = new() { IsScripting = false };

    /// <summary>
    /// Turns away WeChat's non-article answers (on any host), then lets the first of <paramref name="extractors"/> that
    /// handles the page read it, else the generic extractor. The result carries the addresses the page gives for itself.
    /// </summary>
    public static ExtractionResult Extract(Uri url, string html, IReadOnlyList<IPageExtractor> extractors)
    {
        // A parser per page: parsing runs on several crawl workers at once.
        using var document = new HtmlParser(Options).ParseDocument(html);
        if (WeChatAnswers.Recognise(url, document, WeChatArticleExtractor.Instance.Handles(url, document)) is { } answer)
        {
            return answer;
        }

        var extractor = extractors.FirstOrDefault(e => e.Handles(url, document)) ?? GenericArticleExtractor.Instance;
        var result = extractor.Extract(url, document);
        return result.IsArticle ? result with { DeclaredUrls = [.. DeclaredUrls(document).Concat(result.DeclaredUrls).Distinct(StringComparer.Ordinal)] } : result;
    }

    // og:url and <link rel=canonical>: how an imported page or a page reached by a short link names its own address.
    private static IEnumerable<string> DeclaredUrls(IDocument document) =>
        new[] { Meta(document, "og:url"), document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") }
            .Where(u => !string.IsNullOrWhiteSpace(u))
            .Select(u => u!.Trim());
}
