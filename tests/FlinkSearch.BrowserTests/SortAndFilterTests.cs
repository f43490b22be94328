using System.Text.RegularExpressions;
using FlinkSearch.BrowserTests.Infrastructure;
using FlinkSearch.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FlinkSearch.BrowserTests;

/// <summary>
/// The "最新" order, the account chips and the date range, on the page (with its URL) and in the widget; axe-core over
/// each sorted or filtered view.
/// </summary>
public sealed class SortAndFilterTests(SearchSite site, DatedArticlesSite dated) : IClassFixture<DatedArticlesSite>
{
    private static readonly string[] NewestFirst = ["may", "spring", "newyear", "old"];

    private async Task<BrowserTab> OpenPageAsync(string query)
    {
        var tab = await site.OpenAsync();
        await tab.Page.GotoAsync(new Uri(dated.App, query).ToString());
        await Expect(tab.SearchBox).ToBeVisibleAsync();
        return tab;
    }

    private static ILocator Newest(BrowserTab tab) => tab.Page.GetByRole(AriaRole.Button, new() { Name = "最新", Exact = true });

    private static ILocator AccountChip(BrowserTab tab, string account) =>
        tab.Page.GetByRole(AriaRole.Group, new() { Name = "按公众号筛选" }).GetByRole(AriaRole.Button, new() { Name = account });

    private static async Task ExpectNewestFirstAsync(BrowserTab tab, IEnumerable<string> ids)
    {
        var index = 0;
        foreach (var id in ids)
        {
            await Expect(tab.Results.Nth(index++).Locator(".title")).ToHaveTextAsync(DatedArticles.Title(id));
        }
    }

    [Fact]
    public async Task Newest_and_an_account_chip_filter_the_page_and_live_in_its_url()
    {
        await using var tab = await OpenPageAsync("?q=flink");
        await Expect(tab.Results).ToHaveCountAsync(6);
        await Expect(Newest(tab)).ToHaveAttributeAsync("aria-pressed", "false");

        await Newest(tab).ClickAsync();

        await Expect(Newest(tab)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"\?q=flink&sort=newest$"));
        await ExpectNewestFirstAsync(tab, NewestFirst);

        var chip = AccountChip(tab, DatedArticles.BigData);
        await Expect(chip).ToContainTextAsync("2");
        await chip.ClickAsync();

        await Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"&account=%E5%A4%A7%E6%95%B0%E6%8D%AE%E6%8A%80%E6%9C%AF$"));
        await Expect(tab.Results).ToHaveCountAsync(2);
        await ExpectNewestFirstAsync(tab, ["may", "undated"]);
        Assert.All(await tab.Results.Locator(".source").AllTextContentsAsync(), source => Assert.Equal(DatedArticles.BigData, source));
        await tab.ScreenshotAsync("page-newest-account");
        await tab.Page.AssertAccessibleAsync("the page sorted newest first and filtered by an account");

        await tab.Page.ReloadAsync();

        await Expect(AccountChip(tab, DatedArticles.BigData)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Newest(tab)).ToHaveAttributeAsync("aria-pressed", "true");
        await ExpectNewestFirstAsync(tab, ["may", "undated"]);
        await Expect(tab.Results).ToHaveCountAsync(2);

        await tab.Page.GoBackAsync();

        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"\?q=flink&sort=newest$"));
        await Expect(AccountChip(tab, DatedArticles.BigData)).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(tab.Results).ToHaveCountAsync(6);
        await ExpectNewestFirstAsync(tab, NewestFirst);

        await tab.Page.GoBackAsync();

        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"\?q=flink$"));
        await Expect(Newest(tab)).ToHaveAttributeAsync("aria-pressed", "false");

        await tab.Page.GoForwardAsync();

        await Expect(Newest(tab)).ToHaveAttributeAsync("aria-pressed", "true");
        await ExpectNewestFirstAsync(tab, NewestFirst);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task A_date_range_in_the_url_filters_and_its_chip_clears_it()
    {
        await using var tab = await OpenPageAsync("?q=flink&sort=newest&from=2024-01-01&to=2024-03-31");

        await Expect(Newest(tab)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(tab.Results).ToHaveCountAsync(2);
        await ExpectNewestFirstAsync(tab, ["spring", "newyear"]);
        await tab.Page.AssertAccessibleAsync("the page with a date range");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "清除日期筛选：2024-01-01 至 2024-03-31" }).ClickAsync();

        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"\?q=flink&sort=newest$"));
        await Expect(tab.Results).ToHaveCountAsync(6);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task A_new_query_keeps_the_order_and_lets_go_of_the_accounts()
    {
        await using var tab = await OpenPageAsync("?q=flink&sort=newest&account=" + Uri.EscapeDataString(DatedArticles.Realtime));
        await Expect(tab.Results).ToHaveCountAsync(1);

        await tab.SearchBox.FillAsync("窗口");
        await tab.SearchBox.PressAsync("Enter");

        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"\?q=%E7%AA%97%E5%8F%A3&sort=newest$"));
        await Expect(Newest(tab)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(tab.Results.First.Locator(".title")).ToHaveTextAsync(DatedArticles.Title("spring"));
    }

    [Fact]
    public async Task The_widget_offers_newest_first()
    {
        await using var tab = await site.OpenAsync();
        await tab.Page.GotoAsync(site.Host.WithApi(dated.App).ToString());
        await tab.Page.Locator("flink-search .trigger").ClickAsync();
        await tab.SearchBox.FillAsync("flink");
        await Expect(tab.Results).ToHaveCountAsync(6);

        var request = await tab.Page.RunAndWaitForRequestAsync(() => Newest(tab).ClickAsync(), new Regex(@"/search\?.*sort=newest"));

        Assert.StartsWith(dated.App.GetLeftPart(UriPartial.Authority), request.Url, StringComparison.Ordinal);
        await Expect(Newest(tab)).ToHaveAttributeAsync("aria-pressed", "true");
        await ExpectNewestFirstAsync(tab, NewestFirst);
        await tab.ScreenshotAsync("widget-newest");
        await tab.Page.AssertAccessibleAsync("the widget's open dialog sorted newest first");

        var relevance = await tab.Page.RunAndWaitForRequestAsync(() => Newest(tab).ClickAsync(), new Regex(@"/search\?q=flink"));

        Assert.DoesNotContain("sort=", relevance.Url, StringComparison.Ordinal);
        await Expect(Newest(tab)).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Empty(tab.Problems);
    }
}
