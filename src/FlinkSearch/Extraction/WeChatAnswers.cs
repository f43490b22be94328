using AngleSharp.Dom;

namespace FlinkSearch.Extraction;

/// <summary>
/// Recognises the pages WeChat serves instead of an article (with HTTP 200): the anti-crawling check, deleted or
/// removed content, "temporarily unavailable", a migrated account and a malformed link. They are recognised on any
/// host, since a mirror or a saved copy of a deleted page is still a deleted page.
/// </summary>
public static class WeChatAnswers
{
    public const string CaptchaPath = "/mp/wappoc_appmsgcaptcha";

    // Article, text-share and picture-share bodies.
    private static readonly string[] ContentIds = ["js_content", "js_text_desc", "js_image_desc"];

    // Error pages say one or two sentences; a page with more text than this is content, whatever it mentions.
    private const int MaxMessageLength = 1000;

    private static readonly (string Reason, string[] Markers)[] Answers =
    [
        (FailureReasons.Verification, ["环境异常", "完成验证后即可继续访问", "访问过于频繁", "请在微信客户端打开链接"]),
        (FailureReasons.Deleted, ["该内容已被发布者删除", "内容已删除"]),
        (FailureReasons.Violation, ["此内容因违规无法查看", "此内容被多人投诉", "涉嫌违反相关法律法规和政策"]),
        (FailureReasons.Unavailable, ["该内容暂时无法查看"]),
        (FailureReasons.Migrated, ["该公众号已迁移"]),
        (FailureReasons.BadLink, ["参数错误"]),
    ];

    /// <summary>True for the address WeChat redirects to when it wants a human to pass a check.</summary>
    public static bool IsVerificationUrl(Uri url) => url.AbsolutePath.StartsWith(CaptchaPath, StringComparison.OrdinalIgnoreCase);

    // The boxes these pages put their message in; the deleted page's box has been seen without its .weui-msg wrapper.
    private const string MessageBoxes = ".weui-msg, .weui-msg__title, .global_error_msg, .mesg-block";

    /// <summary>
    /// The failure reason when the page is one of WeChat's non-article answers, else null. On a page from WeChat (or built
    /// like one) the title and a short body count as the message; elsewhere only one of WeChat's message boxes does, so
    /// an ordinary short page that mentions "内容已删除" stays an article.
    /// </summary>
    public static ExtractionResult? Recognise(Uri url, IDocument document, bool isWeChatPage)
    {
        if (IsVerificationUrl(url))
        {
            return ExtractionResult.Failure(FailureReasons.Verification, "redirected to WeChat's verification page");
        }

        // An article that merely mentions "参数错误" is still an article: markers count only on pages without a body.
        if (ContentIds.Any(id => document.GetElementById(id) is { } content && content.TextContent.Trim().Length > 0))
        {
            return null;
        }

        var message = MessageText(document, isWeChatPage);
        foreach (var (reason, markers) in Answers)
        {
            if (markers.FirstOrDefault(m => message.Contains(m, StringComparison.Ordinal)) is { } marker)
            {
                return ExtractionResult.Failure(reason, $"WeChat answered \"{marker}\"");
            }
        }

        return null;
    }

    private static string MessageText(IDocument document, bool isWeChatPage)
    {
        // Visible text only: the scripts of these pages carry the message strings of every case.
        var boxes = document.QuerySelectorAll(MessageBoxes);
        var text = boxes.Length > 0 ? string.Join('\n', boxes.Select(ArticleText.From))
            : isWeChatPage && document.Body is { } body ? ArticleText.From(body)
            : "";
        var message = text.Length <= MaxMessageLength ? text : "";
        return isWeChatPage ? (document.Title ?? "") + "\n" + message : message;
    }
}
