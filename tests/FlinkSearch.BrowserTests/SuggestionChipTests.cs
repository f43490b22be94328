using FlinkSearch.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FlinkSearch.BrowserTests;

/// <summary>Suggestion chips read as one word: the marked prefix and the rest of the term stand together.</summary>
public sealed class SuggestionChipTests(SearchSite site)
{
    // Distance from the end of the marked prefix to the start of the rest of the term, as laid out.
    private const string GapAfterMark = """
        button => {
          const mark = button.querySelector("mark");
          const rest = document.createRange();
          rest.selectNodeContents(mark.parentNode);
          rest.setStartAfter(mark);
          return rest.getBoundingClientRect().left - mark.getBoundingClientRect().right;
        }
        """;

    [Fact]
    public async Task A_suggested_term_shows_its_marked_prefix_and_the_rest_without_a_gap_on_the_page()
    {
        await using var tab = await site.OpenAsync();
        await tab.Page.GotoAsync(site.App.ToString());

        await tab.SearchBox.FillAsync("checkpoint");

        await AssertNoGapAsync(tab);
    }

    [Fact]
    public async Task A_suggested_term_shows_its_marked_prefix_and_the_rest_without_a_gap_in_the_widget()
    {
        await using var tab = await site.OpenAsync();
        await tab.Page.GotoAsync(site.Host.Plain.ToString());
        await tab.Page.Locator("flink-search .trigger").ClickAsync();

        await tab.SearchBox.FillAsync("checkpoint");

        await AssertNoGapAsync(tab);
    }

    private static async Task AssertNoGapAsync(BrowserTab tab)
    {
        var chip = tab.Page.Locator("flink-search .suggestion").Filter(new() { HasText = "checkpointing" });
        await Expect(chip.Locator("mark")).ToHaveTextAsync("checkpoint");
        await Expect(chip).ToHaveTextAsync("checkpointing");

        var gap = await chip.EvaluateAsync<double>(GapAfterMark);
        Assert.InRange(gap, -0.5, 1.5);
    }
}
