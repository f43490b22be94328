using FlinkSearch.Cli;
using FlinkSearch.Crawling;
using FlinkSearch.Extraction;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Cli;

public sealed class CrawlCommandTests
{
    [Fact]
    public async Task Crawl_exits_1_and_records_the_reason_when_a_page_fails()
    {
        using var data = new TempDataDirectory(withSeed: false);
        // Private networks stay refused by default, so this fails without sending anything.
        data.WriteSource("local.md", "## 本地\n\n- [本机页面](http://127.0.0.1:9/s/page)\n");

        var exit = await CommandLine.RunAsync(["crawl", "--data-dir", data.Root]);

        Assert.Equal(ExitCodes.Failed, exit);
        var record = Assert.Single(new CrawlStore(new DataDirectory(data.Root)).ReadAll().Values);
        Assert.Equal(FailureReasons.BlockedAddress, record.LastError!.Reason);
    }

    [Fact]
    public async Task Crawl_of_an_empty_source_list_exits_0()
    {
        using var data = new TempDataDirectory(withSeed: false);
        data.WriteSource("empty.md", "## 空\n");

        Assert.Equal(ExitCodes.Ok, await CommandLine.RunAsync(["crawl", "--data-dir", data.Root]));
    }

    [Fact]
    public async Task Crawl_with_an_unknown_option_is_a_usage_error() =>
        Assert.Equal(ExitCodes.Usage, await CommandLine.RunAsync(["crawl", "--no-such-option"]));
}
