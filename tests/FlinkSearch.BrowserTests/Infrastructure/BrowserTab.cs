namespace FlinkSearch.BrowserTests.Infrastructure;

/// <summary>
/// One page in its own browser context that records what must never happen: script dialogs (an injected
/// <c>alert</c>), CSP violations, page errors and requests to anything but loopback. Article links to other hosts are
/// answered by a stub so that opening a result never touches the network.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private BrowserTab(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> Dialogs { get; } = [];
    public List<string> Problems { get; } = [];
    public List<string> OffsiteRequests { get; } = [];

    public static async Task<BrowserTab> OpenAsync(IBrowserContext context)
    {
        await context.RouteAsync(url => !IsLoopback(url), route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = "<!doctype html><title>原文</title><p>stub article</p>",
        }));
        await context.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", e => console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI));
            """);

        var tab = new BrowserTab(context, await context.NewPageAsync());
        context.Request += (_, request) =>
        {
            if (!IsLoopback(request.Url))
            {
                tab.OffsiteRequests.Add(request.Url);
            }
        };
        tab.Page.Dialog += async (_, dialog) =>
        {
            tab.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        tab.Page.PageError += (_, error) => tab.Problems.Add("page error: " + error);
        tab.Page.Console += (_, message) =>
        {
            // Chromium logs every failed fetch; a 404 from /suggest is the expected answer of a server without it.
            if (message.Type == "error" && !message.Location.Contains("/suggest?", StringComparison.Ordinal))
            {
                tab.Problems.Add($"console: {message.Text} ({message.Location})");
            }
        };
        return tab;
    }

    /// <summary>The widget's text box (Playwright's role locators see into open shadow roots).</summary>
    public ILocator SearchBox => Page.GetByRole(AriaRole.Combobox);

    public ILocator Results => Page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option);

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = Artifacts.Screenshot(name), Animations = ScreenshotAnimations.Disabled });

    private static bool IsLoopback(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is "data" or "about" or "blob" || uri.IsLoopback;

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
