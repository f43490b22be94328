using System.Net.Http.Json;
using System.Text.Json;
using FlinkSearch.Cli;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Importing;

/// <summary>Imports the real saved WeChat pages of <c>../shared/wechat/samples/</c> when present, and searches their bodies.</summary>
public sealed class SharedSampleImportTests
{
    [Fact]
    public async Task Real_saved_pages_become_searchable_bodies_and_error_pages_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = RepositoryPaths.Shared("wechat/samples");
        Assert.SkipWhen(samples is null, "../shared/wechat/samples is not present on this machine");
        using var data = new TempDataDirectory(withSeed: false);
        // Listed by their short links under titles of the list's own; the pages match by the address they give.
        data.WriteSource("samples.md", """
            ## 样例

            - [编程与 AI](https://mp.weixin.qq.com/s/KDWh_qGpFN5Vu1TR9t30Mw)
            - [周刊](https://mp.weixin.qq.com/s/tr38EieqyftubIx2FMWUWw?scene=21)
            - [分享](https://mp.weixin.qq.com/s/bRt0seqxnIuoQnASJTU-8w)
            - [已删除](https://mp.weixin.qq.com/s/P9cMowFQ-QahLRnfHponKw)
            """);

        var exit = await CommandLine.RunAsync(["import", samples!, "--data-dir", data.Root]);

        Assert.Equal(ExitCodes.Failed, exit); // the deleted and the unavailable page are refused
        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(ct);
        var search = await client.GetFromJsonAsync<JsonElement>("/search?q=EasyTshark", ct);
        var hit = search.GetProperty("hits").EnumerateArray().Single();
        Assert.Equal("https://mp.weixin.qq.com/s/KDWh_qGpFN5Vu1TR9t30Mw", hit.GetProperty("url").GetString());
        Assert.Equal(("轩辕的编程宇宙", "轩辕之风"), (hit.GetProperty("account").GetString(), hit.GetProperty("author").GetString()));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762747210), hit.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal("阮一峰", (await client.GetFromJsonAsync<JsonElement>("/search?q=软件界面", ct)).GetProperty("hits")[0].GetProperty("author").GetString());
        using var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct));
        Assert.Equal(3, stats.RootElement.GetProperty("crawled").GetInt32());
    }
}
