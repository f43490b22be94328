using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace FlinkSearch.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (Deque's WCAG 2.x A/AA and best-practice rules, open shadow roots included) over a page as it is shown.
/// Call it on every view a test reaches: <c>await tab.Page.AssertAccessibleAsync("the page with results")</c>.
/// </summary>
public static class Accessibility
{
    /// <summary>Impacts that fail a test; minor and moderate findings are left to judgement.</summary>
    private static readonly HashSet<string> FailingImpacts = ["serious", "critical"];

    /// <summary>
    /// Rules that fail whatever impact axe gives them: each was a finding once and is fixed (a name that hides the visible
    /// text, a page without a level-one heading). The first is still "experimental" in axe-core 4.14, so it is turned on.
    /// </summary>
    private static readonly HashSet<string> PinnedRules = ["label-content-name-mismatch", "page-has-heading-one"];

    private static readonly AxeRunOptions Options = new()
    {
        Rules = PinnedRules.ToDictionary(rule => rule, _ => new RuleOptions { Enabled = true }),
    };

    /// <summary>Fails with one line per violation and node when axe finds a serious, critical or pinned violation.</summary>
    /// <param name="view">What the page shows, for the failure message ("the widget's open dialog").</param>
    public static async Task AssertAccessibleAsync(this IPage page, string view)
    {
        var result = await page.RunAxe(Options);
        var failures = result.Violations
            .Where(violation => FailingImpacts.Contains(violation.Impact ?? "") || PinnedRules.Contains(violation.Id))
            .SelectMany(violation => violation.Nodes.Select(node =>
                $"{violation.Id} ({violation.Impact}): {violation.Help} — {node.Target} {node.Html}"))
            .ToList();
        Assert.True(failures.Count == 0, $"axe-core found {failures.Count} problem(s) on {view}:\n" + string.Join('\n', failures));
    }
}
