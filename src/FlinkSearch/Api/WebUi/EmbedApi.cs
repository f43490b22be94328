using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace FlinkSearch.Api.WebUi;

/// <summary><c>/embed.js</c> (briefly cached, revalidated by ETag) and the content-hashed widget it loads (cached for a year).</summary>
public static partial class EmbedApi
{
    public const string LoaderCacheControl = "public, max-age=300";
    public const string WidgetCacheControl = "public, max-age=31536000, immutable";
    private const string JavaScript = "text/javascript; charset=utf-8";

    public static RouteGroupBuilder MapEmbedApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Embedding").ExcludeFromDescription().RequireCors(WebUiExtensions.EmbeddingCorsPolicy);
        group.MapGet("/embed.js", GetLoader).WithName("EmbedLoader");
        group.MapGet("/widget/{file}", GetWidget).WithName("EmbedWidget");
        return group;
    }

    public static Results<FileContentHttpResult, NotFound> GetLoader(WidgetBundle bundle, HttpContext context)
    {
        if (bundle.Current is not { } assets)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = LoaderCacheControl;
        return TypedResults.Bytes(assets.Loader, JavaScript, entityTag: EntityTagHeaderValue.Parse(assets.LoaderETag));
    }

    public static Results<FileContentHttpResult, NotFound> GetWidget(string file, WidgetBundle bundle, HttpContext context)
    {
        if (bundle.Current is not { } assets || !VersionedWidgetName().IsMatch(file))
        {
            return TypedResults.NotFound();
        }

        // A loader cached from before a deploy may ask for the previous hash: serve the current code, but not for keeps.
        context.Response.Headers.CacheControl = file == assets.FileName ? WidgetCacheControl : "no-cache";
        return TypedResults.Bytes(assets.Widget, JavaScript, entityTag: EntityTagHeaderValue.Parse(assets.WidgetETag));
    }

    [GeneratedRegex(@"^flink-search\.[0-9a-f]{16}\.js$")]
    private static partial Regex VersionedWidgetName();
}
