using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using FlinkSearch.Kernel;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Api.Admin;

/// <summary>
/// Who may use <c>/admin</c>: a script with the key in the <c>X-Api-Key</c> header, or a browser with the session cookie
/// it got by signing in with the key (HttpOnly, <c>SameSite=Strict</c>, <c>Secure</c> over HTTPS, valid only while the
/// key stays the same). A session's state-changing requests also need an antiforgery token.
/// </summary>
public static class AdminAccess
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Scheme = "admin-session";
    public const string CookieName = "flinksearch-admin";
    public const string AntiforgeryField = "__RequestVerificationToken";
    private const string KeyClaim = "key";

    /// <summary>Where the keys that sign session and antiforgery cookies live: in the data dir, so restarts and other servers accept them.</summary>
    public const string KeysDirectory = "admin-keys";

    public static IHostApplicationBuilder AddAdminAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("FlinkSearch");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DataDirectory, ILoggerFactory>((keys, data, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(data.Root, KeysDirectory)), logs));
        builder.Services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = "/admin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = context =>
            {
                // A session signed in with a key that has since been changed is over.
                var key = context.HttpContext.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKey ?? "";
                if (context.Principal?.FindFirst(KeyClaim)?.Value != Fingerprint(key))
                {
                    context.RejectPrincipal();
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = CookieName + "-csrf";
            antiforgery.Cookie.Path = "/admin";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = AntiforgeryField;
        });
        return builder;
    }

    public static bool IsKey(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>How the request is authorised: by the header, by a session, or not at all (a wrong header is "not at all").</summary>
    public static async Task<Caller> IdentifyAsync(HttpContext context)
    {
        var key = context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKey ?? "";
        if (context.Request.Headers.TryGetValue(ApiKeyHeader, out var given))
        {
            return IsKey(given.ToString(), key) ? Caller.Script : Caller.None;
        }

        var session = await context.AuthenticateAsync(Scheme);
        return session.Succeeded ? Caller.Session : Caller.None;
    }

    /// <summary>A session's POST, PUT or DELETE must carry the antiforgery token of a page this server rendered.</summary>
    public static async Task<bool> PassesAntiforgeryAsync(HttpContext context, Caller caller)
    {
        if (caller != Caller.Session || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return true;
        }

        return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }

    public static Task SignInAsync(HttpContext context, string key) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(KeyClaim, Fingerprint(key))], Scheme)));

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>A hidden form field with this request's antiforgery token (also sets the cookie it pairs with).</summary>
    public static Html AntiforgeryInput(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return Html.Of($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }

    // Not the key itself: the cookie is encrypted, but a key has no business in it.
    private static string Fingerprint(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("flinksearch-admin:" + key)))[..32];

    public enum Caller
    {
        None,
        Script,
        Session,
    }
}
