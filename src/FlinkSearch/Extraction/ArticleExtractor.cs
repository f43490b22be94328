using AngleSharp.Html.Parser;

namespace FlinkSearch.Extraction;

/// <summary>The extraction entry point: a pure function from a page's final URL and HTML to an article or a failure reason.</summary>
public static class ArticleExtractor
{
    private static readonly HtmlParserOptions Options = new() { IsScripting = false };

    public static ExtractionResult Extract(Uri url, string html)
    {
        // A parser per page: parsing runs on several crawl workers at once.
        using var document = new HtmlParser(Options).ParseDocument(html);
        var weChat = WeChatArticleExtractor.Handles(url, document);
        if (WeChatAnswers.Recognise(url, document, weChat) is { } answer)
        {
            return answer;
        }

        return weChat ? WeChatArticleExtractor.Extract(url, document) : GenericArticleExtractor.Extract(url, document);
    }
}
