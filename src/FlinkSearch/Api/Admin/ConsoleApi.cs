using FlinkSearch.Admin;
using FlinkSearch.Takedowns;

namespace FlinkSearch.Api.Admin;

/// <summary>
/// The admin console's pages (HTML rendered here, charts as SVG) and the forms they post. A browser without a session
/// is sent to sign in; a form posted without the page's antiforgery token is refused.
/// </summary>
public static class ConsoleApi
{
    public static void MapAdminConsole(this IEndpointRouteBuilder routes)
    {
        routes.MapSignIn();
        var console = routes.MapGroup("/admin").ExcludeFromDescription();
        console.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caller = await AdminAccess.IdentifyAsync(http);
            if (caller == AdminAccess.Caller.None)
            {
                return HttpMethods.IsGet(http.Request.Method)
                    ? TypedResults.Redirect($"{SignInPage.Path}?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}")
                    : TypedResults.Problem("Sign in to the console first.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
            }

            return await AdminAccess.PassesAntiforgeryAsync(http, caller)
                ? await next(context)
                : TypedResults.Problem("The form's antiforgery token is missing or wrong; reload the page.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        });

        console.MapGet("", ArticlesPage.ShowList);
        console.MapGet("/console/articles/{id}", ArticlesPage.ShowOne);
        console.MapGet("/console/reindexes", ReindexesPage.Show);
        console.MapPost("/console/reindex", ReindexesPage.StartAsync);
        console.MapGet("/console/queries", QueriesPage.Show);
        console.MapGet("/console/takedowns", ShowTakedowns);
        console.MapPost("/console/hide", HideAsync);
        console.MapPost("/console/unhide", UnhideAsync);
    }

    public static IResult ShowTakedowns(HttpContext context, TakedownService takedowns, string? error)
    {
        var rows = Html.Join(takedowns.All.OrderByDescending(t => t.HiddenAt).Select(t => Html.Of($"""
            <tr>
              <td><a href="/admin/console/articles/{t.Id}">{t.Title ?? t.Id}</a><div class="muted">{t.Id}</div></td>
              <td>{t.Reason}</td>
              <td>{ConsoleLayout.Time(t.HiddenAt)}</td>
              <td>{UnhideForm(context, t.Id, "/admin/console/takedowns")}</td>
            </tr>
            """)));
        return ConsoleLayout.Page(context, "/admin/console/takedowns", "下架", Html.Of($"""
            {(error is null ? Html.Empty : Html.Of($"""<p class="error" role="alert">{error}</p>"""))}
            {HideForm(context, null, "/admin/console/takedowns")}
            <h2>已下架的文章（{takedowns.All.Count}）</h2>
            <table class="data">
              <thead><tr><th>文章</th><th>原因</th><th>下架时间</th><th></th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """));
    }

    /// <summary>A form that hides an article: for a known article its id is fixed, else an id or URL is typed in.</summary>
    public static Html HideForm(HttpContext context, string? id, string back) => Html.Of($"""
        <form method="post" action="/admin/console/hide" class="panel hide-form">
          {AdminAccess.AntiforgeryInput(context)}
          <input type="hidden" name="back" value="{back}">
          {(id is null
              ? Html.Of($"""<label for="article">文章 id 或 URL</label><input id="article" name="article" required>""")
              : Html.Of($"""<input type="hidden" name="article" value="{id}">"""))}
          <label for="reason">下架原因</label>
          <input id="reason" name="reason" required maxlength="{TakedownService.MaxReasonLength}" placeholder="例如：作者要求撤下">
          <button type="submit">下架</button>
        </form>
        """);

    public static Html UnhideForm(HttpContext context, string id, string back) => Html.Of($"""
        <form method="post" action="/admin/console/unhide" class="inline">
          {AdminAccess.AntiforgeryInput(context)}
          <input type="hidden" name="id" value="{id}"><input type="hidden" name="back" value="{back}">
          <button type="submit">恢复</button>
        </form>
        """);

    public static async Task<IResult> HideAsync(HttpContext context, TakedownService takedowns)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var back = ConsoleLayout.LocalReturn(form["back"], "/admin/console/takedowns");
        var reason = form["reason"].ToString().Trim();
        var error = ArticleReference.ToId(form["article"]) is not { } id ? "请给出文章的 id 或 URL。"
            : reason.Length is 0 or > TakedownService.MaxReasonLength ? "请写明下架原因（最多 500 字）。"
            : takedowns.Hide(id, reason) is null ? $"索引里没有文章 {id}。"
            : null;
        return TypedResults.Redirect(error is null ? back : $"/admin/console/takedowns?error={Uri.EscapeDataString(error)}");
    }

    public static async Task<IResult> UnhideAsync(HttpContext context, TakedownService takedowns)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        takedowns.Unhide(form["id"].ToString());
        return TypedResults.Redirect(ConsoleLayout.LocalReturn(form["back"], "/admin/console/takedowns"));
    }
}
