using FlinkSearch.Extraction;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Extraction;

/// <summary>Runs the extractor over real saved WeChat pages when <c>../shared/wechat/samples/</c> is present.</summary>
public sealed class SharedSampleTests
{
    private static string Sample(string file)
    {
        var folder = RepositoryPaths.Shared("wechat/samples");
        Assert.SkipWhen(folder is null, "../shared/wechat/samples is not present on this machine");
        var path = Path.Combine(folder!, file);
        Assert.SkipUnless(File.Exists(path), $"sample {file} is missing");
        return File.ReadAllText(path);
    }

    private static readonly Uri ArticleUrl = new("https://mp.weixin.qq.com/s/sample");

    [Theory]
    [InlineData("article-01-xuanyuan-ai-coding.html", "AI编程害死我了", "轩辕的编程宇宙", "轩辕之风", 1762747210L, "EasyTshark")]
    [InlineData("article-02-ruanyifeng-weekly-372.html", "科技爱好者周刊#372", "阮一峰的网络日志", "阮一峰", 1762475508L, "软件界面")]
    public void Normal_articles_yield_title_account_author_time_and_body(string file, string title, string account, string author, long ct, string bodyWord)
    {
        var result = Fixture.Extract(ArticleUrl, Sample(file));

        Assert.True(result.IsArticle, result.Detail);
        var article = result.Article!;
        Assert.StartsWith(title, article.Title, StringComparison.Ordinal);
        Assert.Equal(account, article.Account);
        Assert.Equal(author, article.Author);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(ct), article.PublishedAt);
        Assert.Contains(bodyWord, article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("微信扫一扫", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("function", article.Text, StringComparison.Ordinal);
        Assert.True(article.Text.Split('\n').Length > 10, "paragraphs keep their own lines");
    }

    [Fact]
    public void Re_shared_article_without_rich_media_class_keeps_title_and_description()
    {
        var result = Fixture.Extract(ArticleUrl, Sample("article-04-share-no-rich_media_content-class.html"));

        Assert.True(result.IsArticle, result.Detail);
        Assert.Equal("和死神赛跑：趁父亲还在世，我想用人工智能留住他", result.Article!.Title);
        Assert.Contains("对话机器人", result.Article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error-deleted-by-author.html", FailureReasons.Deleted)]
    [InlineData("error-temporarily-unavailable.html", FailureReasons.Unavailable)]
    public void Error_pages_are_recognised(string file, string reason)
    {
        var result = Fixture.Extract(ArticleUrl, Sample(file));

        Assert.False(result.IsArticle);
        Assert.Equal(reason, result.FailureReason);
    }
}
