using FlinkSearch.Extraction;

namespace FlinkSearch.Tests.Extraction;

public sealed class WeChatArticleExtractorTests
{
    private static readonly Uri ArticleUrl = new("https://mp.weixin.qq.com/s/fixture");

    private static ExtractedArticle Article(string fixture)
    {
        var result = Fixture.Extract(ArticleUrl, Fixture.Read(fixture));
        Assert.True(result.IsArticle, $"{result.FailureReason}: {result.Detail}");
        return result.Article!;
    }

    [Fact]
    public void Article_page_yields_title_account_author_time_and_meta()
    {
        var article = Article("wechat-article.html");

        Assert.Equal("Flink 窗口迟到数据处理详解", article.Title);
        Assert.Equal("Flink 实战笔记", article.Account);
        Assert.Equal("大数据小明", article.Author);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), article.PublishedAt);
        Assert.Equal("用 allowedLateness 和侧输出流处理迟到数据。", article.Description);
        Assert.Equal("https://mmbiz.qpic.cn/fixture/cover.png", article.CoverUrl);
    }

    [Fact]
    public void Paragraphs_keep_their_own_lines_and_inline_code_stays_in_its_sentence()
    {
        var lines = Article("wechat-article.html").Text.Split('\n');

        Assert.Equal("窗口关闭之后到达的数据叫做迟到数据。", lines[0]);
        Assert.Contains("Flink 提供了 allowedLateness 让窗口多等一会儿，TwoPhaseCommitSinkFunction 则保证端到端一致。", lines);
        Assert.Contains("水位线决定窗口何时触发。", lines);
        Assert.Contains("第二点：侧输出", lines);
        Assert.DoesNotContain("", lines);
    }

    [Fact]
    public void Code_block_keeps_one_line_per_source_line_without_line_numbers()
    {
        var text = Article("wechat-article.html").Text;

        Assert.Contains("stream.keyBy(e -> e.userId)\n    .window(TumblingEventTimeWindows.of(Time.minutes(1)))\n    .allowedLateness(Time.seconds(30));", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_alt_text_is_kept_and_hidden_script_style_and_furniture_are_dropped()
    {
        var text = Article("wechat-article.html").Text;

        Assert.Contains("迟到数据示意图", text, StringComparison.Ordinal);
        Assert.DoesNotContain("隐藏的编辑器残留", text, StringComparison.Ordinal);
        Assert.DoesNotContain("不应出现在正文", text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", text, StringComparison.Ordinal);
        Assert.DoesNotContain("音频", text, StringComparison.Ordinal);
        Assert.DoesNotContain("微信扫一扫", text, StringComparison.Ordinal);
        Assert.DoesNotContain("阅读原文", text, StringComparison.Ordinal);
        Assert.DoesNotContain("#Flink", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mmbiz", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Re_shared_article_with_an_empty_content_panel_is_indexed_by_title_and_description()
    {
        var article = Article("wechat-reshare.html");

        Assert.Equal("转发：Checkpoint 对齐的代价", article.Title);
        Assert.Equal("流计算周刊", article.Account);
        Assert.Null(article.Author);
        Assert.Equal("推荐一篇讲 Unaligned Checkpoint 的长文，值得收藏。", article.Text);
    }

    [Fact]
    public void Text_share_reads_its_text_and_china_time_create_time()
    {
        var article = Article("wechat-text-share.html");

        Assert.Equal("RocksDB 增量快照只上传新增的 SST 文件。\n所以 Checkpoint 越来越快。", article.Text);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 21, 5, 0, TimeSpan.FromHours(8)), article.PublishedAt);
    }

    [Theory]
    [InlineData("wechat-verification.html", FailureReasons.Verification)]
    [InlineData("wechat-client-only.html", FailureReasons.Verification)]
    [InlineData("wechat-deleted.html", FailureReasons.Deleted)]
    [InlineData("wechat-violation.html", FailureReasons.Violation)]
    [InlineData("wechat-unavailable.html", FailureReasons.Unavailable)]
    [InlineData("wechat-migrated.html", FailureReasons.Migrated)]
    [InlineData("wechat-bad-link.html", FailureReasons.BadLink)]
    [InlineData("wechat-empty.html", FailureReasons.Empty)]
    public void Non_article_answers_are_failures_with_their_reason(string fixture, string reason)
    {
        var result = Fixture.Extract(ArticleUrl, Fixture.Read(fixture));

        Assert.False(result.IsArticle);
        Assert.Equal(reason, result.FailureReason);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    [Fact]
    public void Landing_on_the_captcha_address_is_a_verification_failure_whatever_the_page_says()
    {
        var result = Fixture.Extract(new Uri("https://mp.weixin.qq.com/mp/wappoc_appmsgcaptcha?poc_token=x&target_url=y"), Fixture.Read("wechat-article.html"));

        Assert.Equal(FailureReasons.Verification, result.FailureReason);
    }

    [Fact]
    public void A_text_share_that_mentions_an_error_message_is_still_an_article()
    {
        var html = Fixture.Read("wechat-text-share.html").Replace("所以 Checkpoint 越来越快。", "报参数错误就检查配置。", StringComparison.Ordinal);

        Assert.True(Fixture.Extract(ArticleUrl, html).IsArticle);
    }

    [Fact]
    public void An_article_that_mentions_an_error_message_is_still_an_article()
    {
        var html = Fixture.Read("wechat-article.html").Replace("水位线决定窗口何时触发。", "接口返回参数错误时，先检查环境异常日志。", StringComparison.Ordinal);

        var result = Fixture.Extract(ArticleUrl, html);

        Assert.True(result.IsArticle);
    }
}
