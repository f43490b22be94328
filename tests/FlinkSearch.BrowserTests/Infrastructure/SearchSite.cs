using System.Net;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

[assembly: AssemblyFixture(typeof(FlinkSearch.BrowserTests.Infrastructure.SearchSite))]

namespace FlinkSearch.BrowserTests.Infrastructure;

/// <summary>
/// Shared by every browser test: the real FlinkSearch on Kestrel over a data dir of its own (the seed list plus an article
/// whose title carries markup), a host site on another port, and one headless Chromium. Each test opens its own context.
/// </summary>
public sealed class SearchSite : IAsyncLifetime
{
    /// <summary>A title that would run script if the widget ever inserted server text as HTML.</summary>
    public const string EvilTitle = "<img src=x onerror=alert(1)> Checkpoint 攻击演示";

    private readonly TempDataDirectory data = new();
    private FlinkSearchApp? app;
    private IPlaywright? playwright;

    public Uri App { get; private set; } = null!;
    public HostSite Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        data.WriteSource("security.md", $"""
            ## 安全
            * [{EvilTitle}](https://example.com/evil)
            """);
        app = new FlinkSearchApp(data);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var client = await app.StartAsync(cancellationToken);
        App = client.BaseAddress!;
        Host = await HostSite.StartAsync(App, cancellationToken);

        // Debian's chromium is launched by path; Playwright's own browser download cannot work offline.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Args = Chromium.Arguments,
            Headless = true,
        });
    }

    /// <summary>A fresh browser context (own cookies and cache) with one page; nothing leaves the machine.</summary>
    public async Task<BrowserTab> OpenAsync(
        ColorScheme colorScheme = ColorScheme.Light, int width = 1100, int height = 760, ReducedMotion reducedMotion = ReducedMotion.Reduce)
    {
        var context = await Browser.NewContextAsync(new()
        {
            ColorScheme = colorScheme,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ReducedMotion = reducedMotion,
        });
        context.SetDefaultTimeout(15_000);
        return await BrowserTab.OpenAsync(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }

        data.Dispose();
    }
}
