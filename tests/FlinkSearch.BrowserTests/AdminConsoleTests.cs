using System.Text.RegularExpressions;
using FlinkSearch.BrowserTests.Infrastructure;
using FlinkSearch.Jobs;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace FlinkSearch.BrowserTests;

/// <summary>The admin console at <c>/admin</c>, driven in Chromium as an operator would use it.</summary>
public sealed partial class AdminConsoleTests(SearchSite browser, ConsoleSite site) : IClassFixture<ConsoleSite>
{
    private async Task<BrowserTab> SignedInAsync()
    {
        var tab = await OpenAsync();
        await site.SignInAsync(tab);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "文章", Exact = true })).ToBeVisibleAsync();
        return tab;
    }

    private Task<BrowserTab> OpenAsync() => browser.OpenAsync(width: 1280, height: 900);

    private ILocator Rows(BrowserTab tab) => tab.Page.Locator("table.data tbody tr");

    [Fact]
    public async Task A_wrong_key_is_refused_and_gives_no_session()
    {
        await using var tab = await OpenAsync();

        await site.SignInAsync(tab, ConsoleSite.Key + "x");

        await Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("管理密钥不正确。");
        await Expect(tab.Page).ToHaveURLAsync(new Regex("/admin/sign-in"));
        Assert.DoesNotContain(await tab.Context.CookiesAsync(), cookie => cookie.Name == "flinksearch-admin");
        await tab.Page.GotoAsync(new Uri(site.App, "/admin/console/reindexes").ToString());
        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"/admin/sign-in\?returnUrl="));
    }

    [Fact]
    public async Task Articles_show_the_failed_one_with_its_reason_and_filter_by_state()
    {
        await using var tab = await SignedInAsync();

        var missing = Rows(tab).Filter(new() { HasText = ConsoleSite.MissingTitle });
        await Expect(missing).ToContainTextAsync("抓取失败");
        await Expect(missing).ToContainTextAsync("http-404");
        await Expect(Rows(tab).Filter(new() { HasText = ConsoleSite.StableTitle })).ToContainTextAsync("正常");
        await tab.ScreenshotAsync("admin-articles");

        await tab.Page.GetByLabel("状态").SelectOptionAsync("failed");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();

        await Expect(Rows(tab)).ToHaveCountAsync(1);
        await Expect(Rows(tab).First).ToContainTextAsync(ConsoleSite.MissingTitle);
        await Rows(tab).First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(tab.Page.Locator("dl.facts")).ToContainTextAsync("http-404");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task A_reindex_started_from_the_button_shows_up_in_the_timeline()
    {
        await using var tab = await SignedInAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "重建索引" }).ClickAsync();
        var before = await Rows(tab).CountAsync();

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "立即重建索引" }).ClickAsync();
        var started = site.Services.GetRequiredService<ReindexCoordinator>().Latest!;
        await site.WhenFinishedAsync(started.Id, TestContext.Current.CancellationToken);
        await tab.Page.ReloadAsync();

        await Expect(Rows(tab)).ToHaveCountAsync(before + 1);
        var newest = Rows(tab).First;
        await Expect(newest).ToHaveAttributeAsync("data-run", started.Id);
        await Expect(newest).ToContainTextAsync("console");
        await Expect(newest).ToContainTextAsync("succeeded");
        await Expect(newest).ToContainTextAsync("http-404 1");
        await tab.ScreenshotAsync("admin-reindexes");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task A_takedown_hides_the_article_from_the_public_page_and_unhiding_brings_it_back()
    {
        await using var tab = await SignedInAsync();
        var search = new Uri(site.App, "/?q=" + ConsoleSite.BodyWord).ToString();
        await tab.Page.GotoAsync(search);
        await Expect(tab.Results).ToHaveCountAsync(1);
        await Expect(tab.Results.First).ToContainTextAsync(ConsoleSite.StableTitle);

        await tab.Page.GotoAsync(new Uri(site.App, "/admin").ToString());
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = ConsoleSite.StableTitle }).ClickAsync();
        await tab.Page.GetByLabel("下架原因").FillAsync("作者要求撤下");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "下架" }).ClickAsync();
        await Expect(tab.Page.Locator("p.notice")).ToHaveTextAsync("已下架：作者要求撤下");

        await tab.Page.GotoAsync(search);
        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("没有找到");
        await Expect(tab.Results).ToHaveCountAsync(0);

        await tab.Page.GotoAsync(new Uri(site.App, "/admin/console/takedowns").ToString());
        var row = Rows(tab).Filter(new() { HasText = ConsoleSite.StableTitle });
        await Expect(row).ToContainTextAsync("作者要求撤下");
        await tab.ScreenshotAsync("admin-takedowns");
        await row.GetByRole(AriaRole.Button, new() { Name = "恢复" }).ClickAsync();
        await Expect(Rows(tab)).ToHaveCountAsync(0);

        await tab.Page.GotoAsync(search);
        await Expect(tab.Results).ToHaveCountAsync(1);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task The_query_charts_render_with_data_and_zero_result_queries_link_to_a_search()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = site.App };
        foreach (var query in new[] { "checkpoint", "checkpoint", "水位线", ConsoleSite.BodyWord, "zzqqnothing", "zzqqnothing" })
        {
            (await client.GetAsync("/search?q=" + Uri.EscapeDataString(query), ct)).EnsureSuccessStatusCode();
        }

        await using var tab = await SignedInAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "查询统计" }).ClickAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "1 天" }).ClickAsync();

        await Expect(tab.Page.Locator("figure.chart")).ToHaveCountAsync(2);
        // The bars' tooltips add up to at least this test's six searches, two of them without results (other tests search too).
        var volume = tab.Page.Locator("figure.chart").First;
        var counts = (await volume.Locator("g.bar title").AllTextContentsAsync())
            .Select(text => BarTooltip().Match(text)).Select(m => (Searches: int.Parse(m.Groups[1].Value), Zero: int.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(24, counts.Count);
        Assert.True(counts.Sum(c => c.Searches) >= 6 && counts.Sum(c => c.Zero) >= 2, string.Join("; ", counts));
        Assert.True(await TallestBarAsync(volume.Locator("rect.bar-main")) > await TallestBarAsync(volume.Locator("rect.bar-part")));
        Assert.True(await TallestBarAsync(volume.Locator("rect.bar-part")) > 0);
        Assert.True(await TallestBarAsync(tab.Page.Locator("figure.chart").Nth(1).Locator("rect.bar-main")) > 0);
        var zeroResults = tab.Page.Locator("section", new() { Has = tab.Page.GetByRole(AriaRole.Heading, new() { Name = "无结果的查询" }) });
        var zero = zeroResults.GetByRole(AriaRole.Link, new() { Name = "zzqqnothing" });
        await Expect(zero).ToHaveAttributeAsync("href", "/?q=zzqqnothing");
        await tab.ScreenshotAsync("admin-queries");
        Assert.Empty(tab.Problems);

        await zero.ClickAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("没有找到与“zzqqnothing”相关的文章");
    }

    [GeneratedRegex(@"(\d+) 次搜索，(\d+) 次无结果")]
    private static partial Regex BarTooltip();

    private static async Task<double> TallestBarAsync(ILocator bars)
    {
        var tallest = 0.0;
        foreach (var bar in await bars.AllAsync())
        {
            tallest = Math.Max(tallest, double.Parse((await bar.GetAttributeAsync("height"))!, System.Globalization.CultureInfo.InvariantCulture));
        }

        return tallest;
    }

    [Fact]
    public async Task A_cross_site_form_post_to_the_console_is_refused()
    {
        await using var tab = await SignedInAsync();
        var runs = site.Runs;

        var answer = tab.Page.WaitForResponseAsync(response => response.Url.EndsWith("/admin/console/reindex", StringComparison.Ordinal));
        await tab.Page.GotoAsync(site.Attack.ToString());
        var response = await answer;

        Assert.Equal("POST", response.Request.Method);
        Assert.InRange(response.Status, 400, 401);
        Assert.False(site.Services.GetRequiredService<ReindexCoordinator>().IsRunning);
        Assert.Equal(runs, site.Runs);
    }
}
