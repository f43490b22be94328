using Microsoft.AspNetCore.StaticFiles;

namespace FlinkSearch.Api.WebUi;

/// <summary>Response headers that keep the search page safe even if some text slipped through unescaped.</summary>
public static class SecurityHeaders
{
    /// <summary>Everything the page needs comes from its own origin: no inline script or style, no CDN, no frames.</summary>
    public const string PageContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "no-referrer";

    /// <summary>Headers for every response: no MIME sniffing, and the query in the page URL never leaks to article sites.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = ReferrerPolicy;
            return next(context);
        });

    /// <summary>The CSP goes on HTML pages only, so that other documents (an API explorer, say) can bring their own.</summary>
    public static void AddPagePolicy(StaticFileResponseContext file)
    {
        if (file.Context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            file.Context.Response.Headers.ContentSecurityPolicy = PageContentSecurityPolicy;
            file.Context.Response.Headers.XFrameOptions = "DENY";
        }

        // Page assets are small and not fingerprinted: revalidate with the ETag that static files already send.
        file.Context.Response.Headers.CacheControl = "no-cache";
    }
}
