using System.Text.RegularExpressions;
using FlinkSearch.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FlinkSearch.BrowserTests;

/// <summary>The search page shows the related articles of a result right under it once the result is opened.</summary>
public sealed class RelatedViewTests(SearchSite site)
{
    private static readonly Regex AboutWindows = new("窗口|[Ww]indow");

    private async Task<BrowserTab> OpenWindowResultsAsync()
    {
        var tab = await site.OpenAsync();
        await tab.Page.GotoAsync(new Uri(site.App, "?q=" + Uri.EscapeDataString("窗口")).ToString());
        await Expect(tab.Results.Nth(1)).ToContainTextAsync(AboutWindows);
        return tab;
    }

    private static ILocator Related(BrowserTab tab) => tab.Page.GetByRole(AriaRole.Group, new() { Name = "相关文章" });

    [Fact]
    public async Task Opening_a_window_article_by_keyboard_shows_window_articles_under_it_that_the_arrows_reach()
    {
        await using var tab = await OpenWindowResultsAsync();
        var opened = await tab.Results.First.Locator(".title").TextContentAsync();
        await tab.SearchBox.PressAsync("ArrowDown");

        var article = await tab.Page.RunAndWaitForPopupAsync(() => tab.SearchBox.PressAsync("Enter"));
        await article.CloseAsync();

        var related = Related(tab).GetByRole(AriaRole.Option);
        await Expect(related).ToHaveCountAsync(5);
        foreach (var title in await related.Locator(".title").AllTextContentsAsync())
        {
            Assert.NotEqual(opened, title);
        }

        foreach (var option in await related.AllAsync())
        {
            await Expect(option).ToContainTextAsync(AboutWindows);
        }

        // Right under the opened result, before the next one; the arrow keys walk into it.
        Assert.True(await tab.Page.Locator("flink-search #result-0 + .related").IsVisibleAsync());
        await tab.SearchBox.PressAsync("ArrowDown");
        await Expect(related.First).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(tab.SearchBox).ToHaveAttributeAsync("aria-activedescendant", (await related.First.GetAttributeAsync("id"))!);
        await tab.ScreenshotAsync("page-related");
        await tab.Page.AssertAccessibleAsync("the search page with a result's related articles");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task Opening_another_result_moves_the_related_articles_under_it()
    {
        await using var tab = await OpenWindowResultsAsync();
        var first = await tab.Page.RunAndWaitForPopupAsync(() => tab.Results.First.ClickAsync());
        await first.CloseAsync();
        await Expect(Related(tab)).ToHaveCountAsync(1);

        var second = await tab.Page.RunAndWaitForPopupAsync(() => tab.Page.Locator("flink-search #result-1").ClickAsync());
        await second.CloseAsync();

        await Expect(tab.Page.Locator("flink-search #result-1 + .related")).ToHaveCountAsync(1);
        await Expect(Related(tab)).ToHaveCountAsync(1);
    }
}
