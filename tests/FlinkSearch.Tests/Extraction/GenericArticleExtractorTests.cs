using FlinkSearch.Extraction;

namespace FlinkSearch.Tests.Extraction;

public sealed class GenericArticleExtractorTests
{
    private static readonly Uri BlogUrl = new("https://blog.example.org/posts/backpressure");

    [Fact]
    public void Article_element_gives_the_body_without_navigation_or_footer()
    {
        var article = Fixture.Extract(BlogUrl, Fixture.Read("generic-article.html")).Article!;

        Assert.Equal("理解 Flink 的反压", article.Title);
        Assert.Equal("张三", article.Author);
        Assert.Equal(new DateTimeOffset(2022, 6, 1, 10, 0, 0, TimeSpan.FromHours(8)), article.PublishedAt);
        Assert.Contains("Credit-based 流控", article.Text, StringComparison.Ordinal);
        Assert.Contains("env.getConfig().setAutoWatermarkInterval(200);\n  // 缩进保留", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("首页", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("备案号", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_article_or_main_the_densest_block_is_the_body_and_title_comes_from_the_title_tag()
    {
        var article = Fixture.Extract(BlogUrl, Fixture.Read("generic-dense.html")).Article!;

        Assert.Equal("老式论坛帖子：Exactly-Once 讨论", article.Title);
        Assert.Equal("Exactly-Once 需要 source 可重放、sink 支持事务或幂等。\n两阶段提交在 Checkpoint 完成时提交事务。\n否则只能做到 At-Least-Once。", article.Text);
    }

    [Fact]
    public void A_page_without_text_is_empty()
    {
        var result = Fixture.Extract(BlogUrl, "<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>");

        Assert.Equal(FailureReasons.Empty, result.FailureReason);
    }

    [Fact]
    public void A_deleted_page_mirrored_on_another_host_is_a_deleted_failure()
    {
        var result = Fixture.Extract(BlogUrl, Fixture.Read("mirror-deleted.html"));

        Assert.False(result.IsArticle);
        Assert.Equal(FailureReasons.Deleted, result.FailureReason);
    }

    [Fact]
    public void A_short_page_elsewhere_that_mentions_deletion_is_still_an_article()
    {
        var html = "<html><head><title>内容已删除怎么办</title></head><body><article><p>公众号提示该内容已被发布者删除时，可以找作者要原文。</p></article></body></html>";

        var result = Fixture.Extract(BlogUrl, html);

        Assert.True(result.IsArticle, result.Detail);
    }
}
