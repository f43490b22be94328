using System.Net;
using FlinkSearch.Jobs;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.BrowserTests.Infrastructure;

/// <summary>
/// The admin console's world: FlinkSearch with an admin key over a list of three articles on a loopback "article site"
/// (two answer, one is 404), crawled once before the tests start, and an attacker's page on another site
/// (127.0.0.2, so cross-site for the browser, not just another port) that posts a form to the console as soon as it loads.
/// </summary>
public sealed class ConsoleSite : IAsyncLifetime
{
    public const string Key = "console-browser-key";
    public const string StableTitle = "状态后端的选择";
    public const string OtherTitle = "水位线的传播";
    public const string MissingTitle = "已经不存在的文章";
    public const string BodyWord = "RocksDBBodyWord";

    private readonly TempDataDirectory data = new(withSeed: false);
    private WebApplication? articles;
    private WebApplication? attacker;
    private FlinkSearchApp? app;

    public Uri App { get; private set; } = null!;
    public Uri Attack { get; private set; } = null!;
    public IServiceProvider Services => app!.Services;
    public int Runs => Services.GetRequiredService<ReindexHistory>().All.Count;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        articles = await StartSiteAsync(IPAddress.Loopback, site =>
        {
            site.MapGet("/s/stable", () => Page(StableTitle, $"增量检查点与 {BodyWord}。"));
            site.MapGet("/s/other", () => Page(OtherTitle, "水位线沿着算子向下游传播。"));
            site.MapGet("/s/missing", () => Results.NotFound());
        }, cancellationToken);
        var articleRoot = new Uri(articles.Urls.First());
        data.WriteSource("console.md", $"""
            ## 状态
            - [{StableTitle}]({new Uri(articleRoot, "/s/stable")})
            - [{OtherTitle}]({new Uri(articleRoot, "/s/other")})
            - [{MissingTitle}]({new Uri(articleRoot, "/s/missing")})
            """);

        app = new FlinkSearchApp(data, new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = Key,
            ["OutputCache:Duration"] = "00:00:00",
            ["Crawler:AllowPrivateNetworks"] = "true",
            ["Crawler:PerHostDelay"] = "00:00:00",
            ["Crawler:MaxRetries"] = "0",
        });
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var client = await app.StartAsync(cancellationToken);
        App = client.BaseAddress!;

        // One crawl before any test, so the console has a failed article and a run in its history.
        var coordinator = Services.GetRequiredService<ReindexCoordinator>();
        var first = coordinator.TryStart("fixture") ?? throw new InvalidOperationException("The fixture's first reindex did not start.");
        await WhenFinishedAsync(first.Id, cancellationToken);

        var target = new Uri(App, "/admin/console/reindex");
        attacker = await StartSiteAsync(IPAddress.Parse("127.0.0.2"), site => site.MapGet("/", () => Results.Content($"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>领奖</title></head>
            <body onload="document.forms[0].submit()">
              <form method="post" action="{target}"><input type="hidden" name="full" value="true"></form>
            </body></html>
            """, "text/html; charset=utf-8")), cancellationToken);
        Attack = new Uri(attacker.Urls.First());
    }

    /// <summary>Waits for a run to end (the console's button starts runs the test then waits for).</summary>
    public async Task WhenFinishedAsync(string id, CancellationToken cancellationToken)
    {
        var coordinator = Services.GetRequiredService<ReindexCoordinator>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!(coordinator.Find(id) is { } run && ReindexState.IsFinished(run.State) && !coordinator.IsRunning))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Signs the tab in through the sign-in form, as a person would.</summary>
    public async Task SignInAsync(BrowserTab tab, string key = Key)
    {
        await tab.Page.GotoAsync(new Uri(App, "/admin").ToString());
        await tab.Page.GetByLabel("管理密钥").FillAsync(key);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    private static async Task<WebApplication> StartSiteAsync(IPAddress address, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, 0));
        var site = builder.Build();
        map(site);
        await site.StartAsync(cancellationToken);
        return site;
    }

    private static IResult Page(string title, string paragraph) => Results.Content($"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><meta property="og:title" content="{title}"></head>
        <body><h1 id="activity-name">{title}</h1><a id="js_name">控制台夹具</a>
        <div id="js_content"><p>{paragraph}</p></div></body></html>
        """, "text/html; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        foreach (var site in new[] { articles, attacker })
        {
            if (site is not null)
            {
                await site.DisposeAsync();
            }
        }

        data.Dispose();
    }
}
