using FlinkSearch.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FlinkSearch.BrowserTests;

/// <summary>axe-core over the views a reader reaches: the page with results and the embedded widget's open dialog.</summary>
public sealed class AccessibilityTests(SearchSite site)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_search_page_with_results_and_a_section_chosen_passes_axe(ColorScheme colorScheme)
    {
        await using var tab = await site.OpenAsync(colorScheme);
        await tab.Page.GotoAsync(new Uri(site.App, "?q=checkpoint&section=" + Uri.EscapeDataString("State&Checkpoint")).ToString());
        await Expect(tab.Results.First).ToBeVisibleAsync();
        await tab.SearchBox.PressAsync("ArrowDown");
        await Expect(tab.Results.First).ToHaveAttributeAsync("aria-selected", "true");

        await tab.Page.AssertAccessibleAsync($"the search page with results ({colorScheme})");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_widgets_open_dialog_with_results_passes_axe(ColorScheme colorScheme)
    {
        await using var tab = await site.OpenAsync(colorScheme);
        await tab.Page.GotoAsync(site.Host.Plain.ToString());
        await tab.Page.Locator("flink-search .trigger").ClickAsync();
        await tab.SearchBox.FillAsync("checkpoint");
        await Expect(tab.Results.First).ToBeVisibleAsync();

        await tab.Page.AssertAccessibleAsync($"the widget's open dialog ({colorScheme})");
    }
}
