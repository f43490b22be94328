using System.Globalization;
using AngleSharp.Dom;
using static FlinkSearch.Extraction.PageFields;

namespace FlinkSearch.Extraction;

/// <summary>Reads a WeChat official-account article page (mp.weixin.qq.com) as served, without running its scripts.</summary>
public sealed class WeChatArticleExtractor : IPageExtractor
{
    public static readonly WeChatArticleExtractor Instance = new();

    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    private WeChatArticleExtractor()
    {
    }

    /// <summary>WeChat's own hosts, where the listed articles live.</summary>
    public static bool IsWeChatHost(Uri url) =>
        url.Host.Equals("mp.weixin.qq.com", StringComparison.OrdinalIgnoreCase)
        || url.Host.EndsWith(".weixin.qq.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for WeChat's hosts and for pages built like WeChat's (so a mirror or a local fixture is read the same way).</summary>
    public bool Handles(Uri url, IDocument document) =>
        IsWeChatHost(url)
        || WeChatAnswers.IsVerificationUrl(url)
        || document.GetElementById("js_content") is not null
        || document.GetElementById("activity-name") is not null
        || document.QuerySelector(".weui-msg") is not null;

    /// <summary>Reads the article; the caller has already turned away WeChat's non-article answers (<see cref="WeChatAnswers"/>).</summary>
    public ExtractionResult Extract(Uri url, IDocument document)
    {
        var script = ScriptVariables.Of(document);
        var showType = script.Get("item_show_type");
        var title = FirstText(Text(document.GetElementById("activity-name")), Meta(document, "og:title"), script.Get("msg_title"), Meta(document, "twitter:title"), document.Title);
        var description = FirstText(Meta(document, "og:description"), script.Get("msg_desc"));
        var body = BodyElement(document, showType) is { } element ? ArticleText.From(element) : "";

        // Picture, text and re-shared posts carry little or no body; what they have is the title and description.
        var isShare = showType is "5" or "8" or "10" || document.GetElementById("js_share_content") is not null;
        if (body.Length == 0 && isShare && description is not null)
        {
            body = description;
        }

        if (body.Length == 0)
        {
            return ExtractionResult.Failure(FailureReasons.Empty, "the article body is empty or script-only");
        }

        return ExtractionResult.Success(new ExtractedArticle(
            title,
            Author(document),
            FirstText(Text(document.GetElementById("js_name")), script.Get("nickname"), Text(document.QuerySelector(".rich_media_meta_nickname"))),
            PublishedAt(document, script),
            description,
            FirstText(Meta(document, "og:image"), script.Get("msg_cdn_url")),
            body)) with
        {
            // The long __biz/mid/idx/sn address of an article that lists often name by its /s/<id> short link.
            DeclaredUrls = script.Get("msg_link") is { } link ? [link] : [],
        };
    }

    private static IElement? BodyElement(IDocument document, string? showType) => showType switch
    {
        "10" => document.GetElementById("js_text_desc") ?? document.GetElementById("js_content"),
        "8" => document.GetElementById("js_image_desc") ?? document.GetElementById("js_content"),
        _ => document.GetElementById("js_content"),
    };

    private static string? Author(IDocument document) => FirstText(
        Meta(document, "og:article:author"),
        Text(document.GetElementById("js_author_name")),
        Text(document.QuerySelector("#meta_content > span.rich_media_meta.rich_media_meta_text")));

    private static DateTimeOffset? PublishedAt(IDocument document, ScriptVariables script)
    {
        if (long.TryParse(script.Get("ct"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        // createTime and the visible publish time are China time.
        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy年M月d日 HH:mm", "yyyy年M月d日"];
        foreach (var text in new[] { script.Get("createTime"), Text(document.GetElementById("publish_time")) })
        {
            if (text is not null && DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return new DateTimeOffset(local, ChinaTime);
            }
        }

        return null;
    }
}
