using FlinkSearch.Extraction;

using FlinkSearch.Crawling;

namespace FlinkSearch.Sources;

/// <summary>
/// WeChat official-account articles: fetched without robots.txt on WeChat's hosts (the articles are what the lists point
/// at, and mp.weixin.qq.com serves none for them), a redirect to the verification page is a <c>verification</c> failure,
/// and pages on WeChat or built like its pages are read by <see cref="WeChatArticleExtractor"/>.
/// </summary>
public sealed class WeChatSource : ISourceType
{
    private static readonly HopRefusal Verification = new(FailureReasons.Verification, "redirected to WeChat's verification page");

    public string Name => "wechat";

    public bool SkipsRobots(Uri url) => WeChatArticleExtractor.IsWeChatHost(url);

    public HopRefusal? RefusedRedirect(Uri url) => WeChatAnswers.IsVerificationUrl(url) ? Verification : null;

    public IPageExtractor Extractor => WeChatArticleExtractor.Instance;
}
