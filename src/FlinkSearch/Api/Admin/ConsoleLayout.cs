using FlinkSearch.Api.WebUi;

namespace FlinkSearch.Api.Admin;

/// <summary>The console's page frame: the search page's stylesheet and masthead, the console's navigation, strict headers.</summary>
public static class ConsoleLayout
{
    private static readonly (string Path, string Label)[] Sections =
    [
        ("/admin", "文章"),
        ("/admin/console/reindexes", "重建索引"),
        ("/admin/console/queries", "查询统计"),
        ("/admin/console/takedowns", "下架"),
    ];

    /// <param name="refreshSeconds">Reload the page after this many seconds (a running reindex shown live without script).</param>
    public static IResult Page(HttpContext context, string current, string title, Html body, int? refreshSeconds = null, int status = StatusCodes.Status200OK)
    {
        var navigation = Html.Join(Sections.Select(section => section.Path == current
            ? Html.Of($"""<a href="{section.Path}" aria-current="page">{section.Label}</a>""")
            : Html.Of($"""<a href="{section.Path}">{section.Label}</a>""")));
        var signedIn = current.Length > 0
            ? Html.Of($"""<form method="post" action="/admin/sign-out" class="sign-out">{AdminAccess.AntiforgeryInput(context)}<button type="submit">退出</button></form>""")
            : Html.Empty;
        var refresh = refreshSeconds is { } seconds ? Html.Of($"""<meta http-equiv="refresh" content="{seconds}">""") : Html.Empty;
        var page = Html.Of($"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="color-scheme" content="light dark">
              <meta name="robots" content="noindex">
              {refresh}
              <title>{title} · FlinkSearch 管理</title>
              <link rel="icon" href="/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/app.css">
              <link rel="stylesheet" href="/admin.css">
            </head>
            <body class="admin">
              <header class="masthead">
                <a class="brand" href="/admin"><img class="logo" src="/favicon.svg" alt="" width="32" height="32"><span>FlinkSearch 管理</span></a>
                {(current.Length > 0 ? Html.Of($"""<nav class="admin-nav" aria-label="管理">{navigation}</nav>""") : Html.Empty)}
                {signedIn}
              </header>
              <main class="main">
                <h1>{title}</h1>
                {body}
              </main>
            </body>
            </html>
            """);

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = SecurityHeaders.PageContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        return TypedResults.Content(page.Value, "text/html; charset=utf-8", statusCode: status);
    }

    public static Html Time(DateTimeOffset? at) => at is { } value
        ? Html.Of($"""<time datetime="{value.UtcDateTime:O}">{value.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}</time>""")
        : Html.Of($"—");

    public static Html Age(TimeSpan? age) => age switch
    {
        null => Html.Of($"—"),
        { TotalDays: >= 1 } a => Html.Of($"{(int)a.TotalDays} 天"),
        { TotalHours: >= 1 } a => Html.Of($"{(int)a.TotalHours} 小时"),
        { } a => Html.Of($"{Math.Max(0, (int)a.TotalMinutes)} 分钟"),
    };

    /// <summary>A local console address to go back to after a form, or the fallback (no open redirects).</summary>
    public static string LocalReturn(string? requested, string fallback) =>
        requested is { Length: > 0 } path && path.StartsWith("/admin", StringComparison.Ordinal) && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\')
            ? path
            : fallback;
}
