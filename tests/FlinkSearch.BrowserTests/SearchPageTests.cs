using System.Text.RegularExpressions;
using FlinkSearch.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FlinkSearch.BrowserTests;

/// <summary>The service's own search page at <c>/</c>.</summary>
public sealed class SearchPageTests(SearchSite site)
{
    private static readonly Regex Checkpoint = new("[Cc]heckpoint");

    private async Task<BrowserTab> OpenPageAsync(string query = "", ColorScheme colorScheme = ColorScheme.Light)
    {
        var tab = await site.OpenAsync(colorScheme);
        await tab.Page.GotoAsync(new Uri(site.App, query).ToString());
        await Expect(tab.SearchBox).ToBeVisibleAsync();
        return tab;
    }

    [Fact]
    public async Task Typing_a_query_shows_highlighted_results_and_puts_the_query_in_the_url()
    {
        await using var tab = await OpenPageAsync();

        await tab.SearchBox.PressSequentiallyAsync("checkpoint", new() { Delay = 20 });

        await Expect(tab.Results.First.Locator(".title mark").First).ToHaveTextAsync(Checkpoint);
        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"/\?q=checkpoint$"));
        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("找到");
        // The option itself is the link to the article (it may hold no link of its own).
        var option = tab.Results.First;
        await Expect(option.Locator("a, button")).ToHaveCountAsync(0);
        await Expect(option).ToHaveAttributeAsync("target", "_blank");
        await Expect(option).ToHaveAttributeAsync("rel", new Regex(@"\bnoopener\b"));
        await tab.ScreenshotAsync("page-light");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task Page_is_served_with_a_strict_content_security_policy_that_it_keeps()
    {
        await using var tab = await site.OpenAsync();

        var response = await tab.Page.GotoAsync(site.App.ToString());
        await tab.SearchBox.FillAsync("窗口");
        await Expect(tab.Results.First).ToBeVisibleAsync();

        var headers = await response!.AllHeadersAsync();
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.Empty(tab.Problems);
        Assert.Empty(tab.OffsiteRequests);
    }

    [Fact]
    public async Task Back_and_forward_return_to_earlier_queries()
    {
        await using var tab = await OpenPageAsync();
        await tab.SearchBox.FillAsync("checkpoint");
        await tab.SearchBox.PressAsync("Enter");
        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"\?q=checkpoint$"));
        await tab.SearchBox.FillAsync("窗口");
        await tab.SearchBox.PressAsync("Enter");
        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"\?q=%E7%AA%97%E5%8F%A3$"));
        await Expect(tab.Results.First).ToContainTextAsync("窗口");

        await tab.Page.GoBackAsync();

        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"\?q=checkpoint$"));
        await Expect(tab.SearchBox).ToHaveValueAsync("checkpoint");
        await Expect(tab.Results.First).ToContainTextAsync(Checkpoint);

        await tab.Page.GoForwardAsync();

        await Expect(tab.SearchBox).ToHaveValueAsync("窗口");
        await Expect(tab.Results.First).ToContainTextAsync("窗口");
    }

    [Fact]
    public async Task A_shared_url_opens_with_its_results()
    {
        await using var tab = await OpenPageAsync("?q=" + Uri.EscapeDataString("窗口"));

        await Expect(tab.SearchBox).ToHaveValueAsync("窗口");
        await Expect(tab.Results.First.Locator("mark").First).ToHaveTextAsync("窗口");
        await Expect(tab.Page).ToHaveTitleAsync(new Regex("^窗口 - FlinkSearch"));
    }

    [Fact]
    public async Task Section_chips_filter_the_results_and_load_more_appends_the_next_page()
    {
        await using var tab = await OpenPageAsync("?q=flink");
        await Expect(tab.Results).ToHaveCountAsync(10);

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "加载更多" }).ClickAsync();
        await Expect(tab.Results).ToHaveCountAsync(20);

        var chip = tab.Page.GetByRole(AriaRole.Group, new() { Name = "按栏目筛选" }).GetByRole(AriaRole.Button, new() { Name = "窗口" });
        await chip.ClickAsync();

        await Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"section=%E7%AA%97%E5%8F%A3"));
        var sections = await tab.Results.Locator(".section").AllTextContentsAsync();
        Assert.NotEmpty(sections);
        Assert.All(sections, section => Assert.Equal("窗口", section));
    }

    [Fact]
    public async Task Before_a_crawl_the_page_says_that_only_titles_are_searchable()
    {
        await using var tab = await OpenPageAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Note)).ToContainTextAsync("只能搜索标题");
    }

    [Fact]
    public async Task A_query_without_results_says_so_in_chinese()
    {
        await using var tab = await OpenPageAsync("?q=qqqzzzxxyy");

        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("没有找到与“qqqzzzxxyy”相关的文章");
        await Expect(tab.Results).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_typo_shows_the_corrected_results_and_one_click_searches_as_typed()
    {
        await using var tab = await OpenPageAsync("?q=checkpiont");
        var status = tab.Page.GetByRole(AriaRole.Status);

        await Expect(status).ToContainTextAsync("已显示 checkpoint 的结果");
        await Expect(tab.Results.First.Locator(".title mark").First).ToHaveTextAsync(Checkpoint);
        await tab.Page.AssertAccessibleAsync("page answering a typo with its correction");

        await status.GetByRole(AriaRole.Button, new() { Name = "仍然搜索 checkpiont" }).ClickAsync();

        await Expect(status).ToContainTextAsync("没有找到与“checkpiont”相关的文章");
        await Expect(status).ToContainTextAsync("你是不是要找：checkpoint");
        await Expect(tab.Results).ToHaveCountAsync(0);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task A_failing_search_shows_an_error_in_chinese_and_retry_recovers()
    {
        await using var tab = await OpenPageAsync();
        var failing = true;
        await tab.Page.RouteAsync("**/search?**", async route =>
        {
            if (failing)
            {
                await route.FulfillAsync(new() { Status = 500, ContentType = "application/problem+json", Body = "{}" });
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await tab.SearchBox.FillAsync("checkpoint");
        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("搜索服务暂时不可用");

        failing = false;
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "重试" }).ClickAsync();
        await Expect(tab.Results.First).ToContainTextAsync(Checkpoint);
    }

    [Fact]
    public async Task A_superseded_request_is_aborted_and_its_late_answer_ignored()
    {
        await using var tab = await OpenPageAsync();
        var releaseSlowAnswer = new TaskCompletionSource();
        var slowRequestFailed = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        tab.Page.RequestFailed += (_, request) =>
        {
            if (request.Url.Contains("q=%E7%AA%97%E5%8F%A3", StringComparison.Ordinal))
            {
                slowRequestFailed.TrySetResult(request.Failure);
            }
        };
        await tab.Page.RouteAsync("**/search?q=%E7%AA%97%E5%8F%A3*", async route =>
        {
            await releaseSlowAnswer.Task;
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The page gave up on this request, as it should.
            }
        });

        // Waiting starts before typing: on a loaded machine the request can go out before a later wait is set up.
        await tab.Page.RunAndWaitForRequestAsync(() => tab.SearchBox.FillAsync("窗口"), new Regex("q=%E7%AA%97%E5%8F%A3"));
        await Expect(tab.Page.Locator("flink-search .root[data-loading]")).ToHaveCountAsync(1);
        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("正在搜索…");
        await tab.SearchBox.FillAsync("checkpoint");
        await Expect(tab.Results.First).ToContainTextAsync(Checkpoint);
        releaseSlowAnswer.SetResult();

        Assert.Contains("ABORTED", await slowRequestFailed.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await Expect(tab.Results.First).ToContainTextAsync(Checkpoint);
        await Expect(tab.SearchBox).ToHaveValueAsync("checkpoint");
    }

    [Fact]
    public async Task Suggestions_are_offered_when_the_server_has_them()
    {
        await using var tab = await OpenPageAsync();
        await tab.Page.RouteAsync("**/suggest?**", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = """{"query":"chec","suggestions":[{"text":"Checkpoint","html":"\u003Cmark\u003EChec\u003C/mark\u003Ekpoint","kind":"term","url":null}]}""",
        }));

        await tab.SearchBox.FillAsync("chec");
        var suggestion = tab.Page.Locator(".suggestion").Filter(new() { HasText = "Checkpoint" });
        await Expect(suggestion.Locator("mark")).ToHaveTextAsync("Chec");
        await suggestion.ClickAsync();

        await Expect(tab.SearchBox).ToHaveValueAsync("Checkpoint");
        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"\?q=Checkpoint$"));
    }

    [Fact]
    public async Task A_hit_shows_its_highlighted_snippet_section_date_and_source()
    {
        await using var tab = await OpenPageAsync();
        await tab.Page.RouteAsync("**/search?**", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = """
                {"query":"checkpoint","total":1,"page":1,"size":10,"tookMs":1.2,"didYouMean":null,
                 "sections":[{"name":"State&Checkpoint","count":1}],
                 "hits":[{"id":"a","url":"https://mp.weixin.qq.com/s/abc","title":"<mark>Checkpoint</mark> 原理",
                          "section":"State&Checkpoint","sections":["State&Checkpoint"],
                          "snippet":"屏障 &lt;b&gt; 对齐后触发 <mark>Checkpoint</mark>…",
                          "author":"张三","account":"大数据技术派","publishedAt":"2023-05-01T08:00:00Z","crawledAt":null,"status":"ok","score":1.0}]}
                """,
        }));

        await tab.SearchBox.FillAsync("checkpoint");

        var hit = tab.Results.First;
        await Expect(hit.Locator(".snippet")).ToHaveTextAsync("屏障 <b> 对齐后触发 Checkpoint…");
        await Expect(hit.Locator(".snippet mark")).ToHaveTextAsync("Checkpoint");
        await Expect(hit.Locator(".snippet b")).ToHaveCountAsync(0);
        await Expect(hit.Locator(".section")).ToHaveTextAsync("State&Checkpoint");
        await Expect(hit.Locator("time")).ToHaveTextAsync("2023年5月1日");
        await Expect(hit.Locator(".source")).ToHaveTextAsync("大数据技术派");
    }

    [Fact]
    public async Task Markup_in_an_article_title_shows_as_text_and_runs_nothing()
    {
        await using var tab = await OpenPageAsync();

        await tab.SearchBox.FillAsync("攻击演示");

        var hit = tab.Results.Filter(new() { HasText = "<img src=x onerror=alert(1)>" });
        await Expect(hit).ToHaveCountAsync(1);
        await Expect(tab.Page.GetByRole(AriaRole.Listbox).Locator("img")).ToHaveCountAsync(0);
        Assert.Empty(tab.Dialogs);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task The_page_fits_a_360_pixel_wide_screen()
    {
        await using var tab = await site.OpenAsync(width: 360, height: 740);
        await tab.Page.GotoAsync(new Uri(site.App, "?q=checkpoint").ToString());
        await Expect(tab.Results.First).ToBeVisibleAsync();

        Assert.True(await tab.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the page scrolls sideways");
        var title = (await tab.Results.First.Locator(".title").BoundingBoxAsync())!;
        Assert.True(title.X >= 0 && title.X + title.Width <= 360, "a result title runs off the screen");
        await tab.ScreenshotAsync("page-360px");
    }

    [Fact]
    public async Task Dark_color_scheme_gives_a_dark_page()
    {
        await using var tab = await OpenPageAsync("?q=checkpoint", ColorScheme.Dark);
        await Expect(tab.Results.First).ToBeVisibleAsync();

        var background = await tab.Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        var panel = await tab.Page.Locator(".panel").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

        Assert.Equal("rgb(15, 18, 23)", background);
        Assert.Equal("rgb(23, 27, 34)", panel);
        await tab.ScreenshotAsync("page-dark");
    }
}
