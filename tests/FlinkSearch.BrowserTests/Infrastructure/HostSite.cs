using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.BrowserTests.Infrastructure;

/// <summary>
/// Somebody else's website on another loopback port (so another origin) that embeds the widget with the one script tag.
/// <c>/</c> is a plain page; <c>/hostile</c> adds CSS that tries to restyle everything; <c>/themed</c> sets the theme properties;
/// <c>/strict</c> sends a nonce-based Content-Security-Policy that allows its own tags and calls to the search service only.
/// </summary>
public sealed class HostSite(WebApplication app, Uri root) : IAsyncDisposable
{
    /// <summary>Rules a careless or hostile host page might carry; none may reach into the widget.</summary>
    public const string HostileCss = """
        * { color: red !important; display: block !important; font-size: 30px !important; font-family: serif !important;
            line-height: 3 !important; letter-spacing: 3px !important; text-transform: uppercase !important; }
        mark { background: lime !important; }
        li, a, button, input, ul, dialog { margin: 20px !important; padding: 20px !important; border: 5px solid blue !important; }
        """;

    /// <summary>The documented way to restyle the widget: its custom properties, set on the element.</summary>
    public const string ThemeCss = "flink-search { --flink-search-accent: rgb(0, 110, 60); --flink-search-radius: 0px; }";

    public Uri Root => root;

    public Uri Plain => new(root, "/");

    public Uri Hostile => new(root, "/hostile");

    public Uri Themed => new(root, "/themed");

    public Uri Strict => new(root, "/strict");

    /// <summary>The nonce of the strict page's tags (a fixed one will do: nothing else runs on this test site).</summary>
    public const string Nonce = "c3RyaWN0LXBhZ2Utbm9uY2U";

    /// <summary>The plain page with the widget's <c>api</c> attribute set.</summary>
    public Uri WithApi(Uri api) => new(root, "/?api=" + Uri.EscapeDataString(api.ToString()));

    public static async Task<HostSite> StartAsync(Uri searchService, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/", (string? api) => Results.Content(Page(searchService, css: "", api), "text/html; charset=utf-8"));
        app.MapGet("/hostile", () => Results.Content(Page(searchService, HostileCss, api: null), "text/html; charset=utf-8"));
        app.MapGet("/themed", () => Results.Content(Page(searchService, ThemeCss, api: null), "text/html; charset=utf-8"));
        app.MapGet("/strict", (HttpContext context) =>
        {
            // What a careful site sends: its embed tag allowed by nonce, and the search service allowed to be called.
            context.Response.Headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{Nonce}'; "
                + $"style-src 'nonce-{Nonce}'; connect-src {searchService.GetLeftPart(UriPartial.Authority)}; base-uri 'none'";
            return Results.Content(Page(searchService, css: "", api: null, Nonce), "text/html; charset=utf-8");
        });
        await app.StartAsync(cancellationToken);
        return new HostSite(app, new Uri(app.Urls.First()));
    }

    // Elements outside the widget with the widget's own tag and class names show whether its styles leak out.
    private static string Page(Uri searchService, string css, string? api, string? nonce = null) => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>一个 Flink 社区博客</title>
          <style{{NonceAttribute(nonce)}}>body { font-family: sans-serif; margin: 24px; } {{css}}</style>
          <script src="{{new Uri(searchService, "/embed.js")}}" defer{{NonceAttribute(nonce)}}></script>
        </head>
        <body>
          <header><strong>Flink 社区博客</strong> <flink-search placeholder="搜索 Flink 文章"{{(api is null ? "" : $" api=\"{WebUtility.HtmlEncode(api)}\"")}}></flink-search></header>
          <main>
            <h1>欢迎</h1>
            <p>本站的文章：<mark id="outside-mark">流处理</mark>、<a id="outside-title" class="title" href="#">状态管理</a>。</p>
            <ul id="outside-list" class="results"><li class="hit">不是搜索结果</li></ul>
            <button id="outside-button" type="button">站内按钮</button>
          </main>
        </body>
        </html>
        """;

    private static string NonceAttribute(string? nonce) => nonce is null ? "" : $" nonce=\"{nonce}\"";

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
