using FlinkSearch.Admin;
using FlinkSearch.Takedowns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api.Admin;

/// <summary>The console's article list (every listed article with its crawl state, filterable) and one article's detail.</summary>
public static class ArticlesPage
{
    private static readonly Dictionary<string, string> StateNames = new()
    {
        [ArticleStates.Ok] = "正常",
        [ArticleStates.Stale] = "旧副本",
        [ArticleStates.Failed] = "抓取失败",
        [ArticleStates.Never] = "未抓取",
        [ArticleStates.Imported] = "已导入",
    };

    public static async Task<IResult> ShowList(HttpContext context, ArticleOverview overview, string? state, string? reason, CancellationToken cancellationToken)
    {
        state = string.IsNullOrEmpty(state) ? null : state;
        reason = string.IsNullOrEmpty(reason) ? null : reason;
        var all = await overview.ListAsync(null, null, cancellationToken);
        var shown = all.Where(a => (state is null || a.State == state) && (reason is null || a.Reason == reason)).ToList();
        var reasons = all.Select(a => a.Reason).OfType<string>().Distinct().Order(StringComparer.Ordinal);

        var stateOptions = Html.Join(ArticleStates.All.Select(s => Option(s, $"{StateNames[s]}（{all.Count(a => a.State == s)}）", state)));
        var reasonOptions = Html.Join(reasons.Select(r => Option(r, $"{r}（{all.Count(a => a.Reason == r)}）", reason)));
        var rows = Html.Join(shown.Select(a => Html.Of($"""
            <tr class="state-{a.State}">
              <td><a href="/admin/console/articles/{a.Id}">{a.Title}</a>{(a.Hidden ? Html.Of($""" <span class="badge hidden">已下架</span>""") : Html.Empty)}</td>
              <td>{string.Join("、", a.Sections)}</td>
              <td>{Badge(a)}</td>
              <td>{ConsoleLayout.Time(a.LastGoodFetch)}</td>
              <td>{ConsoleLayout.Age(a.CopyAge)}</td>
            </tr>
            """)));
        return ConsoleLayout.Page(context, "/admin", "文章", Html.Of($"""
            <form method="get" action="/admin" class="filters">
              <label>状态 <select name="state"><option value="">全部（{all.Count}）</option>{stateOptions}</select></label>
              <label>失败原因 <select name="reason"><option value="">全部</option>{reasonOptions}</select></label>
              <button type="submit">筛选</button>
            </form>
            <p class="muted">显示 {shown.Count} / {all.Count} 篇。</p>
            <table class="data articles">
              <thead><tr><th>标题</th><th>栏目</th><th>状态</th><th>最近成功抓取</th><th>副本年龄</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """));
    }

    public static async Task<IResult> ShowOne(HttpContext context, string id, ArticleOverview overview, CancellationToken cancellationToken)
    {
        if (await overview.FindAsync(id, cancellationToken) is not { } detail)
        {
            return ConsoleLayout.Page(context, "/admin", "没有这篇文章", Html.Of($"""<p>来源列表里没有 id 为 {id} 的文章。</p>"""), status: StatusCodes.Status404NotFound);
        }

        var a = detail.Article;
        var back = $"/admin/console/articles/{a.Id}";
        var failures = Html.Join(detail.Failures.Select(f => Html.Of($"""
            <tr><td>{ConsoleLayout.Time(f.At)}</td><td>{f.Reason}</td><td>{f.HttpStatus}</td><td>{f.Detail}</td></tr>
            """)));
        var takedown = a.Hidden
            ? Html.Of($"""<p class="notice">已下架：{a.HiddenReason}</p>{ConsoleApi.UnhideForm(context, a.Id, back)}""")
            : ConsoleApi.HideForm(context, a.Id, back);
        return ConsoleLayout.Page(context, "/admin", a.Title, Html.Of($"""
            <dl class="facts">
              <dt>状态</dt><dd>{Badge(a)}{(a.Gone ? Html.Of($""" <span class="muted">（已从索引移除：长期显示已删除）</span>""") : Html.Empty)}</dd>
              <dt>id</dt><dd><code>{a.Id}</code></dd>
              <dt>链接</dt><dd><a href="{Html.SafeUrl(a.Url)}" rel="noopener noreferrer" target="_blank">{a.Url}</a></dd>
              <dt>栏目</dt><dd>{string.Join("、", a.Sections)}</dd>
              <dt>抽取的标题</dt><dd>{detail.ExtractedTitle ?? "—"}</dd>
              <dt>作者</dt><dd>{detail.Author ?? "—"}</dd>
              <dt>公众号</dt><dd>{detail.Account ?? "—"}</dd>
              <dt>发布时间</dt><dd>{ConsoleLayout.Time(detail.PublishedAt)}</dd>
              <dt>正文长度</dt><dd>{detail.BodyLength:N0} 字符</dd>
              <dt>最近成功抓取</dt><dd>{ConsoleLayout.Time(a.LastGoodFetch)}（副本年龄 {ConsoleLayout.Age(a.CopyAge)}）</dd>
              <dt>最终地址 / HTTP</dt><dd>{detail.FinalUrl ?? "—"} {detail.HttpStatus}</dd>
            </dl>
            <h2>最近的错误</h2>
            {(detail.Failures.Count == 0 ? Html.Of($"""<p class="muted">上次成功抓取之后没有错误。</p>""") : Html.Of($"""
                <table class="data"><thead><tr><th>时间</th><th>原因</th><th>HTTP</th><th>详情</th></tr></thead><tbody>{failures}</tbody></table>
                """))}
            <h2>下架</h2>
            {takedown}
            """));
    }

    /// <summary><c>GET /admin/articles?state=&amp;reason=</c>: the same list as JSON, for scripts.</summary>
    public static async Task<Ok<IReadOnlyList<ArticleState>>> ListJson(ArticleOverview overview, string? state, string? reason, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.ListAsync(string.IsNullOrEmpty(state) ? null : state, string.IsNullOrEmpty(reason) ? null : reason, cancellationToken));

    public static async Task<Results<Ok<ArticleDetail>, ProblemHttpResult>> GetJson(string id, ArticleOverview overview, CancellationToken cancellationToken) =>
        await overview.FindAsync(id, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.Problem($"No listed article has the id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown article");

    private static Html Badge(ArticleState a) => a.Reason is null
        ? Html.Of($"""<span class="badge {a.State}">{StateNames[a.State]}</span>""")
        : Html.Of($"""<span class="badge {a.State}">{StateNames[a.State]}</span> <span class="reason">{a.Reason}</span>""");

    private static Html Option(string value, string label, string? selected) => value == selected
        ? Html.Of($"""<option value="{value}" selected>{label}</option>""")
        : Html.Of($"""<option value="{value}">{label}</option>""");
}
