using Microsoft.Extensions.Options;

namespace FlinkSearch.Api.Admin;

/// <summary>Signing in to the console with the admin key, and out again.</summary>
public static class SignInPage
{
    public const string Path = "/admin/sign-in";

    public static void MapSignIn(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin").ExcludeFromDescription();
        group.MapGet("/sign-in", Show);
        group.MapPost("/sign-in", SignInAsync);
        group.MapPost("/sign-out", (Delegate)SignOutAsync);
    }

    public static IResult Show(HttpContext context, string? returnUrl) => Form(context, returnUrl, error: null);

    public static async Task<IResult> SignInAsync(HttpContext context, IOptions<AdminOptions> options)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        if (!await AdminAccess.PassesAntiforgeryAsync(context, AdminAccess.Caller.Session))
        {
            return Form(context, returnUrl, "表单已过期，请重新输入。", StatusCodes.Status400BadRequest);
        }

        if (!AdminAccess.IsKey(form["key"].ToString(), options.Value.ApiKey!))
        {
            return Form(context, returnUrl, "管理密钥不正确。", StatusCodes.Status401Unauthorized);
        }

        await AdminAccess.SignInAsync(context, options.Value.ApiKey!);
        return TypedResults.Redirect(ConsoleLayout.LocalReturn(returnUrl, "/admin"));
    }

    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await AdminAccess.SignOutAsync(context);
        return TypedResults.Redirect(Path);
    }

    private static IResult Form(HttpContext context, string? returnUrl, string? error, int status = StatusCodes.Status200OK) =>
        ConsoleLayout.Page(context, "", "登录", Html.Of($"""
            <form method="post" action="{Path}" class="panel sign-in">
              {AdminAccess.AntiforgeryInput(context)}
              <input type="hidden" name="returnUrl" value="{ConsoleLayout.LocalReturn(returnUrl, "/admin")}">
              <label for="key">管理密钥（Admin:ApiKey）</label>
              <input id="key" name="key" type="password" autocomplete="current-password" required autofocus>
              {(error is null ? Html.Empty : Html.Of($"""<p class="error" role="alert">{error}</p>"""))}
              <button type="submit">登录</button>
            </form>
            """), status: status);
}
