using FlinkSearch.Cli;
using FlinkSearch.Crawling;

namespace FlinkSearch.Tests.Cli;

public sealed class CrawlProgressDisplayTests
{
    private static readonly PageCrawlResult[] Pages =
    [
        new("a", "https://mp.weixin.qq.com/s/a", PageOutcome.Fetched),
        new("b", "https://mp.weixin.qq.com/s/b", PageOutcome.Failed, "deleted", "WeChat answered \"该内容已被发布者删除\""),
        new("c", "https://mp.weixin.qq.com/s/c", PageOutcome.Unchanged),
    ];

    private static string Run(bool live)
    {
        using var output = new StringWriter();
        var display = new CrawlProgressDisplay(output, live);
        for (var i = 0; i < Pages.Length; i++)
        {
            display.Report(new CrawlProgress(i + 1, Pages.Length, Pages[i]));
        }

        return output.ToString();
    }

    [Fact]
    public void Redirected_output_gets_one_plain_line_per_page()
    {
        var lines = Run(live: false).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "[1/3] fetched   https://mp.weixin.qq.com/s/a",
            "[2/3] failed    https://mp.weixin.qq.com/s/b  deleted: WeChat answered \"该内容已被发布者删除\"",
            "[3/3] unchanged https://mp.weixin.qq.com/s/c",
        ], lines);
    }

    [Fact]
    public void A_terminal_gets_a_live_bar_and_failures_on_lines_of_their_own()
    {
        var text = Run(live: true);

        Assert.Contains('\r', text);
        Assert.Contains("[2/3] failed    https://mp.weixin.qq.com/s/b", text, StringComparison.Ordinal);
        Assert.EndsWith("[########################] 3/3  fetched 1 · unchanged 1 · failed 1" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain("fetched   https://mp.weixin.qq.com/s/a", text, StringComparison.Ordinal);
    }
}
