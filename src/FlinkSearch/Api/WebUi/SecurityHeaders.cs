using Microsoft.AspNetCore.StaticAssets;
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
        if (IsHtml(file.Context.Response.ContentType))
        {
            AddPageHeaders(file.Context.Response);
        }

        // Page assets served this way are not fingerprinted: revalidate with the ETag that static files already send.
        file.Context.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>The same for static-asset endpoints (their manifest already sets the caching): HTML gets the page's policy.</summary>
    public static void AddPagePolicy(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault() is { } asset
            && asset.ResponseHeaders.Any(header => header.Name == "Content-Type" && IsHtml(header.Value)))
        {
            var serve = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                AddPageHeaders(context.Response);
                return serve(context);
            };
        }
    }

    private static void AddPageHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = PageContentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
    }

    private static bool IsHtml(string? contentType) => contentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
}
