using System.Text.RegularExpressions;
using FlinkSearch.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FlinkSearch.BrowserTests;

/// <summary>The widget as other sites use it: one script tag on a page from another origin.</summary>
public sealed class EmbeddedWidgetTests(SearchSite site)
{
    private static readonly Regex Checkpoint = new("[Cc]heckpoint");

    private async Task<BrowserTab> OpenHostAsync(
        Uri page, ColorScheme colorScheme = ColorScheme.Light, int width = 1100, int height = 760, ReducedMotion reducedMotion = ReducedMotion.Reduce)
    {
        var tab = await site.OpenAsync(colorScheme, width, height, reducedMotion);
        await tab.Page.GotoAsync(page.ToString());
        await Expect(Trigger(tab)).ToBeVisibleAsync();
        return tab;
    }

    private static ILocator Trigger(BrowserTab tab) => tab.Page.Locator("flink-search .trigger");

    private static ILocator Dialog(BrowserTab tab) => tab.Page.GetByRole(AriaRole.Dialog);

    private string AppOrigin => site.App.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Ctrl_K_opens_the_widget_and_the_keyboard_picks_and_opens_a_result()
    {
        await using var tab = await OpenHostAsync(site.Host.Plain);
        var searches = new List<string>();
        tab.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/search?", StringComparison.Ordinal))
            {
                searches.Add(request.Url);
            }
        };

        await tab.Page.Keyboard.PressAsync("Control+k");
        await Expect(Dialog(tab)).ToBeVisibleAsync();
        await Expect(tab.SearchBox).ToBeFocusedAsync();
        // A slow machine may search a prefix mid-typing (`checkpoi`, answered with its correction, checkpoint): the keys
        // below must act on the final query's list, so the typing waits for that answer.
        await tab.Page.RunAndWaitForResponseAsync(
            () => tab.SearchBox.PressSequentiallyAsync("checkpoint", new() { Delay = 20 }),
            response => response.Url.Contains("/search?q=checkpoint&", StringComparison.Ordinal));
        await Expect(tab.Results.First.Locator(".title mark").First).ToHaveTextAsync(Checkpoint);

        await tab.Page.Keyboard.PressAsync("ArrowDown");
        await tab.Page.Keyboard.PressAsync("ArrowDown");
        var second = tab.Results.Nth(1);
        await Expect(second).ToHaveAttributeAsync("aria-selected", "true");
        await tab.ScreenshotAsync("widget-light");
        await Expect(tab.Results.First).ToHaveAttributeAsync("aria-selected", "false");
        await Expect(tab.SearchBox).ToHaveAttributeAsync("aria-activedescendant", (await second.GetAttributeAsync("id"))!);
        await Expect(tab.SearchBox).ToHaveAttributeAsync("aria-expanded", "true");
        var href = (await second.GetAttributeAsync("href"))!;

        var article = await tab.Page.RunAndWaitForPopupAsync(() => tab.Page.Keyboard.PressAsync("Enter"));
        await article.WaitForURLAsync(href);
        Assert.True(await article.EvaluateAsync<bool>("window.opener === null"));

        await tab.Page.Keyboard.PressAsync("Escape");
        await Expect(Dialog(tab)).ToBeHiddenAsync();
        await Expect(Trigger(tab)).ToBeFocusedAsync();
        Assert.NotEmpty(searches);
        Assert.All(searches, url => Assert.StartsWith(AppOrigin + "/search?", url, StringComparison.Ordinal));
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task A_host_page_with_a_nonce_based_csp_runs_the_widget_by_allowing_the_embed_tag_alone()
    {
        await using var tab = await OpenHostAsync(site.Host.Strict);

        await Trigger(tab).ClickAsync();
        await tab.SearchBox.FillAsync("checkpoint");

        await Expect(tab.Results.First.Locator(".title mark").First).ToHaveTextAsync(Checkpoint);
        // Styled by the widget's own sheet, which the page's style-src does not name.
        Assert.Equal("rgb(255, 255, 255)", await Dialog(tab).EvaluateAsync<string>("d => getComputedStyle(d).backgroundColor"));
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task The_trigger_opens_the_widget_and_escape_returns_focus_to_it()
    {
        await using var tab = await OpenHostAsync(site.Host.Plain);
        await Expect(Trigger(tab)).ToContainTextAsync("搜索 Flink 文章");

        await Trigger(tab).ClickAsync();
        await Expect(tab.SearchBox).ToBeFocusedAsync();
        await tab.Page.Keyboard.PressAsync("Escape");

        await Expect(Dialog(tab)).ToBeHiddenAsync();
        await Expect(Trigger(tab)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Host_page_css_does_not_change_the_widget()
    {
        var plain = await MeasureWidgetAsync(site.Host.Plain, "widget-plain-host");
        var hostile = await MeasureWidgetAsync(site.Host.Hostile, "widget-hostile-host");

        Assert.Equal(plain, hostile);
    }

    [Fact]
    public async Task Widget_styles_do_not_leak_into_the_host_page()
    {
        await using var tab = await OpenHostAsync(site.Host.Plain);
        await Trigger(tab).ClickAsync();
        await tab.SearchBox.FillAsync("checkpoint");
        await Expect(tab.Results.First).ToBeVisibleAsync();

        var outside = await tab.Page.EvaluateAsync<string[]>("""
            () => [
              getComputedStyle(document.getElementById("outside-mark")).backgroundColor,
              getComputedStyle(document.getElementById("outside-title")).fontWeight,
              getComputedStyle(document.querySelector("#outside-list li")).display,
              getComputedStyle(document.getElementById("outside-list")).paddingLeft,
            ]
            """);

        Assert.Equal(["rgb(255, 255, 0)", "400", "list-item", "40px"], outside);
    }

    [Fact]
    public async Task Markup_in_an_article_title_shows_as_text_and_runs_nothing()
    {
        await using var tab = await OpenHostAsync(site.Host.Plain);
        await Trigger(tab).ClickAsync();

        await tab.SearchBox.FillAsync("攻击演示");

        var hit = tab.Results.Filter(new() { HasText = "<img src=x onerror=alert(1)>" });
        await Expect(hit).ToHaveCountAsync(1);
        await Expect(hit.Locator("mark").First).ToHaveTextAsync(new Regex("攻击|演示"));
        await Expect(tab.Page.GetByRole(AriaRole.Listbox).Locator("img")).ToHaveCountAsync(0);
        Assert.Empty(tab.Dialogs);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task Api_html_becomes_text_and_marks_only_even_when_it_carries_raw_tags()
    {
        await using var tab = await OpenHostAsync(site.Host.Plain);

        // The server escapes titles and snippets; if raw markup ever came through, the parser still builds nothing else.
        var nodes = await tab.Page.EvaluateAsync<string[]>("""
            async () => {
              const entry = document.querySelector("script[data-flink-search-widget]").src;
              const { highlighted } = await import(new URL("markup.js", entry).href);
              const fragment = highlighted("a <mark>b&amp;c</mark> &lt;i&gt; &#x4e2d;&quot;<img src=x onerror=alert(1)><script>alert(2)</script>");
              return [...fragment.childNodes].map((node) => `${node.nodeName}:${node.textContent}`);
            }
            """);

        Assert.Equal(["#text:a ", "MARK:b&c", "#text: <i> 中\"", "#text:", "#text:alert(2)"], nodes);
        Assert.Empty(tab.Dialogs);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task The_widget_is_usable_on_a_360_pixel_wide_screen()
    {
        await using var tab = await OpenHostAsync(site.Host.Plain, width: 360, height: 740);

        await Trigger(tab).ClickAsync();
        await tab.SearchBox.FillAsync("窗口");
        await Expect(tab.Results.First).ToBeVisibleAsync();

        var dialog = (await Dialog(tab).BoundingBoxAsync())!;
        Assert.InRange(dialog.X, 0, 16);
        Assert.InRange(dialog.X + dialog.Width, 344, 360);
        var title = (await tab.Results.First.Locator(".title").BoundingBoxAsync())!;
        Assert.True(title.X + title.Width <= dialog.X + dialog.Width, "a result title runs past the dialog");
        Assert.False(await tab.Page.Locator("flink-search .body").EvaluateAsync<bool>("b => b.scrollWidth > b.clientWidth"));
        await tab.ScreenshotAsync("widget-360px");
    }

    [Fact]
    public async Task Dark_color_scheme_gives_a_dark_widget()
    {
        await using var tab = await OpenHostAsync(site.Host.Plain, ColorScheme.Dark);
        await Trigger(tab).ClickAsync();
        await tab.SearchBox.FillAsync("窗口");
        await Expect(tab.Results.First).ToBeVisibleAsync();

        Assert.Equal("rgb(23, 27, 34)", await Dialog(tab).EvaluateAsync<string>("d => getComputedStyle(d).backgroundColor"));
        await tab.ScreenshotAsync("widget-dark");
    }

    [Fact]
    public async Task Custom_properties_on_the_host_page_theme_the_widget()
    {
        await using var tab = await OpenHostAsync(site.Host.Themed);
        await Trigger(tab).ClickAsync();
        await tab.SearchBox.FillAsync("checkpoint");

        var chosenChip = tab.Page.Locator("flink-search .chip[aria-pressed=true]");
        await Expect(chosenChip).ToHaveCSSAsync("background-color", "rgb(0, 110, 60)");
        await Expect(Trigger(tab)).ToHaveCSSAsync("border-radius", "0px");
    }

    [Theory]
    [InlineData(ReducedMotion.NoPreference, "appear")]
    [InlineData(ReducedMotion.Reduce, "none")]
    public async Task The_modal_animates_only_when_motion_is_welcome(ReducedMotion preference, string animation)
    {
        await using var tab = await OpenHostAsync(site.Host.Plain, reducedMotion: preference);

        await Trigger(tab).ClickAsync();

        await Expect(Dialog(tab)).ToHaveCSSAsync("animation-name", animation);
    }

    [Fact]
    public async Task The_api_attribute_sends_searches_to_another_server()
    {
        await using var tab = await OpenHostAsync(site.Host.WithApi(site.Host.Root));
        var request = tab.Page.WaitForRequestAsync(new Regex("/search\\?"));

        await Trigger(tab).ClickAsync();
        await tab.SearchBox.FillAsync("checkpoint");

        Assert.StartsWith(site.Host.Root.GetLeftPart(UriPartial.Authority) + "/search?q=checkpoint", (await request).Url, StringComparison.Ordinal);
        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("搜索服务暂时不可用");
    }

    /// <summary>What a user sees of the widget, open with results, as one comparable string.</summary>
    private async Task<string> MeasureWidgetAsync(Uri page, string screenshot)
    {
        await using var tab = await OpenHostAsync(page);
        var closed = await Trigger(tab).EvaluateAsync<string>(Measure);
        await Trigger(tab).ClickAsync();
        await tab.SearchBox.FillAsync("checkpoint");
        await Expect(tab.Results.Nth(2)).ToBeVisibleAsync();
        var parts = new List<string> { "host " + await tab.Page.Locator("flink-search").EvaluateAsync<string>("e => getComputedStyle(e).display"), "trigger " + closed };
        foreach (var selector in new[] { "flink-search .input", "flink-search .chip", "flink-search .hit .title", "flink-search .hit mark", "flink-search .status" })
        {
            parts.Add(selector + " " + await tab.Page.Locator(selector).First.EvaluateAsync<string>(Measure));
        }

        parts.Add("dialog " + await Dialog(tab).EvaluateAsync<string>(Measure));
        await tab.ScreenshotAsync(screenshot);
        return string.Join('\n', parts);
    }

    private const string Measure = """
        e => {
          const s = getComputedStyle(e), r = e.getBoundingClientRect();
          return [s.display, s.color, s.backgroundColor, s.fontSize, s.fontFamily, s.lineHeight, s.letterSpacing,
                  s.textTransform, s.marginTop, s.paddingTop, s.borderTopWidth, Math.round(r.width), Math.round(r.height)].join(" | ");
        }
        """;
}
