using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using FlinkSearch.Benchmarks.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.Benchmarks.Soak;

/// <summary>
/// The loopback article site <c>bench/soak.sh</c> crawls: WeChat-built pages made from the bench corpus, on a port of
/// the OS's choosing. Every <c>flapEvery</c>-th page flaps from one fetch to the next between its article and WeChat's
/// verification check (half of them as the redirect to the captcha path, half as the check served in place with a 200),
/// and every <c>flapEvery</c>-th page after those changes its text on every fetch, so each reindex also updates documents.
/// </summary>
public sealed class SoakSite(ArticleCorpus corpus, int pages, int flapEvery)
{
    private const string CaptchaPath = "/mp/wappoc_appmsgcaptcha";
    private readonly ConcurrentDictionary<int, int> fetches = new();

    public bool Flaps(int page) => page % flapEvery == 0;

    public bool Changes(int page) => page % flapEvery == 1;

    /// <summary>Serves until the process is stopped; prints its address first, for the script to read.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nAllow: /\n", "text/plain"));
        app.MapGet("/sources.md", (HttpContext context) => Results.Text(SourceList(BaseOf(context)), "text/markdown; charset=utf-8"));
        app.MapGet("/s/{page:int}", (int page, HttpContext context) => Page(page, BaseOf(context)));
        app.MapGet(CaptchaPath, () => Html(VerificationPage()));
        await app.StartAsync(cancellationToken);
        Console.WriteLine($"site: listening on {app.Urls.First()} ({pages} pages, every {flapEvery}th flaps, every {flapEvery}th + 1 changes on each fetch)");
        Console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the script.
        }

        await app.StopAsync(CancellationToken.None);
        Console.WriteLine($"site: served {fetches.Values.Sum()} article fetches");
    }

    private static string BaseOf(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private string SourceList(string baseUrl)
    {
        var markdown = new StringBuilder("## 浸泡测试\n\n");
        for (var i = 0; i < pages; i++)
        {
            // Brackets would end the Markdown link early.
            var title = corpus.Document(i).Title.Replace('[', '（').Replace(']', '）');
            markdown.Append(CultureInfo.InvariantCulture, $"- [{title}]({baseUrl}/s/{i})\n");
        }

        return markdown.ToString();
    }

    private IResult Page(int page, string baseUrl)
    {
        if (page < 0 || page >= pages)
        {
            return Results.NotFound();
        }

        var fetch = fetches.AddOrUpdate(page, 1, (_, n) => n + 1);
        if (Flaps(page) && fetch % 2 == 0)
        {
            return (page / flapEvery) % 2 == 0
                ? Results.Redirect($"{CaptchaPath}?poc_token=soak&target_url={Uri.EscapeDataString($"{baseUrl}/s/{page}")}")
                : Html(VerificationPage());
        }

        var article = corpus.Document(page);
        var body = Changes(page) ? $"{article.Body}\n这是第 {fetch} 次抓取时的版本。" : article.Body!;
        return Html(ArticlePage(article.Title, body, article.Account ?? "浸泡测试号"));
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    // The parts of a WeChat article page the extractor reads (see ../shared/wechat), nothing more.
    private static string ArticlePage(string title, string body, string account)
    {
        var paragraphs = string.Concat(body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{Escape(p)}</p>\n"));
        return $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><meta property="og:title" content="{{Escape(title)}}">
            <script>var ct = "1764547200"; var nickname = htmlDecode("{{Escape(account)}}"); var nonce = "{{Guid.NewGuid():N}}";</script></head>
            <body><h1 class="rich_media_title" id="activity-name">{{Escape(title)}}</h1><a id="js_name">{{Escape(account)}}</a>
            <div class="rich_media_content" id="js_content" style="visibility: hidden;">
            {{paragraphs}}</div>
            </body></html>
            """;
    }

    // WeChat's anti-crawling check as the extractor knows it: a message box, no article body.
    private static string VerificationPage() => """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>微信公众平台</title></head>
        <body><div class="weui-msg"><div class="weui-msg__text-area"><h2 class="weui-msg__title">环境异常</h2>
        <p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p></div>
        <a class="weui-btn weui-btn_primary" href="#">去验证</a></div></body></html>
        """;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
