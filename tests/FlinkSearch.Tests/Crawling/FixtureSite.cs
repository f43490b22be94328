using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using FlinkSearch.Tests.Extraction;

namespace FlinkSearch.Tests.Crawling;

/// <summary>
/// A small WeChat-like site on a loopback port of the OS's choosing that misbehaves on purpose, one path per scenario.
/// <see cref="Round"/> switches the answers that change between two crawls.
/// </summary>
public sealed class FixtureSite : IAsyncDisposable
{
    public const string StableETag = "\"stable-v1\"";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Request>> requests = new(StringComparer.Ordinal);

    private FixtureSite(WebApplication app) => this.app = app;

    public int Round { get; set; } = 1;

    public Uri BaseUrl { get; private set; } = null!;

    public static readonly string[] Scenarios =
    [
        "stable", "nonce", "changing", "slow", "flaky", "limited", "gbk", "verify", "deleted",
        "loop-a", "huge", "image", "reset", "missing",
    ];

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>A source list (Markdown) naming every scenario and the robots-protected page.</summary>
    public string SourceList() =>
        "## Fixtures\n\n" + string.Concat(Scenarios.Select(s => $"- [{s}]({Url("/s/" + s)})\n")) + $"- [private]({Url("/private/page")})\n";

    public IReadOnlyList<Request> RequestsTo(string path) => requests.TryGetValue(path, out var queue) ? queue.ToList() : [];

    public static async Task<FixtureSite> StartAsync()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var site = new FixtureSite(builder.Build());
        site.Map();
        await site.app.StartAsync();
        site.BaseUrl = new Uri(site.app.Urls.First());
        return site;
    }

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            var request = new Request(DateTimeOffset.UtcNow, context.Request.Headers.IfNoneMatch.ToString(), context.Request.Headers.UserAgent.ToString());
            requests.GetOrAdd(context.Request.Path.Value ?? "/", _ => new ConcurrentQueue<Request>()).Enqueue(request);
            await next(context);
        });

        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\n", "text/plain"));
        app.MapGet("/private/page", () => Html(Article("不该被抓取", "robots.txt 不允许这一页。")));

        app.MapGet("/s/stable", (HttpContext context) =>
        {
            context.Response.Headers.ETag = StableETag;
            return context.Request.Headers.IfNoneMatch.ToString() == StableETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Html(Article("稳定的文章", "支持条件请求的页面，正文里有 StableBodyWord。"));
        });

        // Real WeChat pages differ on every request (nonces in script) while the article stays the same.
        app.MapGet("/s/nonce", () => Html(Article("每次都不同的脚本", "正文不变，脚本里的随机数每次都变。", script: $"var nonce = \"{Guid.NewGuid():N}\";")));
        app.MapGet("/s/changing", () => Html(Article("会变的文章", Round == 1 ? "第一版正文 FirstVersionWord。" : "第二版正文 SecondVersionWord。")));
        app.MapGet("/s/slow", async (HttpContext context) =>
        {
            if (Round > 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            return Html(Article("有时很慢", "第一次很快，第二次超时。"));
        });
        app.MapGet("/s/flaky", () => RequestsTo("/s/flaky").Count == 1
            ? Results.StatusCode(StatusCodes.Status500InternalServerError)
            : Html(Article("先 500 后 200", "重试之后拿到的正文。")));
        app.MapGet("/s/limited", (HttpContext context) =>
        {
            if (RequestsTo("/s/limited").Count == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            return Html(Article("限流之后", "等 Retry-After 之后的正文。"));
        });
        app.MapGet("/s/gbk", () => Results.Bytes(GbkPage(), "text/html"));
        app.MapGet("/s/verify", () => Round == 1
            ? Html(Article("会要求验证", "第一次是正常文章 VerifyBodyWord。"))
            : Results.Redirect("/mp/wappoc_appmsgcaptcha?poc_token=fixture&target_url=" + Uri.EscapeDataString(Url("/s/verify").ToString())));
        app.MapGet("/mp/wappoc_appmsgcaptcha", () => Html(Fixture.Read("wechat-verification.html")));
        app.MapGet("/s/deleted", () => Round == 1
            ? Html(Article("后来被删除", "第一次是正常文章 DeletedBodyWord。"))
            : Html(Fixture.Read("wechat-deleted.html")));
        app.MapGet("/s/blocked", () => Results.Redirect("/mp/wappoc_appmsgcaptcha?poc_token=fixture&target_url=" + Uri.EscapeDataString(Url("/s/blocked").ToString())));
        app.MapGet("/mirror/deleted", () => Html(Fixture.Read("mirror-deleted.html")));
        app.MapGet("/feeds/blog.rss", () => Results.Content(Feed("blog.rss"), "application/rss+xml; charset=utf-8"));
        app.MapGet("/feeds/blog.atom", () => Results.Content(Feed("blog.atom"), "application/atom+xml; charset=utf-8"));
        app.MapGet("/s/loop-a", () => Results.Redirect("/s/loop-b"));
        app.MapGet("/s/loop-b", () => Results.Redirect("/s/loop-a"));
        app.MapGet("/s/huge", HugeBody);
        app.MapGet("/s/image", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"));
        app.MapGet("/s/reset", ResetMidBody);
        app.MapGet("/s/missing", () => Results.NotFound());
    }

    public static string Article(string title, string paragraph, string script = "") => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><meta property="og:title" content="{{title}}">
        <script>var ct = "1700000000"; var nickname = htmlDecode("夹具公众号"); {{script}}</script></head>
        <body><h1 class="rich_media_title" id="activity-name">{{title}}</h1><a id="js_name">夹具公众号</a>
        <div class="rich_media_content" id="js_content" style="visibility: hidden;"><p>{{paragraph}}</p></div>
        </body></html>
        """;

    /// <summary>A feed of <c>Sources/Fixtures/</c> with this site's address, holding the items of the current <see cref="Round"/>.</summary>
    private string Feed(string name)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Fixtures", name))
            .Replace("{{base}}", BaseUrl.ToString().TrimEnd('/'), StringComparison.Ordinal);
        var other = Round == 1 ? "round 2" : "round 1";
        return Regex.Replace(xml, $@"<!-- {other} -->.*?<!-- /{other} -->", "", RegexOptions.Singleline);
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static byte[] GbkPage() => Encoding.GetEncoding("gbk").GetBytes(
        Article("国标编码的页面", "这一页用 GBK 编码，正文：增量快照与反压。").Replace("charset=\"utf-8\"", "charset=\"gbk\"", StringComparison.Ordinal));

    /// <summary>50 MB without a Content-Length, so only a streaming cap can stop it.</summary>
    private static async Task HugeBody(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var chunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 65_000) + "</p>\n");
        try
        {
            for (long sent = 0; sent < 50L * 1024 * 1024; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The crawler hung up once the cap was reached.
        }
    }

    private static async Task ResetMidBody(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = 100_000;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<html><body><div id=\"js_content\"><p>开头"));
        await context.Response.Body.FlushAsync();
        context.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed record Request(DateTimeOffset At, string IfNoneMatch, string UserAgent);
}
