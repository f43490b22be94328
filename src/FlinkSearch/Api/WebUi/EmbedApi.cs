using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace FlinkSearch.Api.WebUi;

/// <summary>
/// What other sites load: <c>/embed.js</c> (briefly cached, revalidated by ETag), which loads the widget's entry module
/// from <c>/widget/{version}/</c>, and the generated <c>limits.js</c> module beside the widget's own files
/// (<see cref="WidgetModules"/>). The group carries the embedding CORS policy; the static files get it by convention.
/// </summary>
public static class EmbedApi
{
    public const string LoaderCacheControl = "public, max-age=300";
    private const string JavaScript = "text/javascript; charset=utf-8";

    public static RouteGroupBuilder MapEmbedApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Embedding").ExcludeFromDescription().RequireCors(WebUiExtensions.EmbeddingCorsPolicy);
        group.MapGet("/embed.js", GetLoader).WithName("EmbedLoader");
        group.MapGet($"/{WidgetModules.Folder}{{version}}/limits.js", GetLimits).WithName("EmbedLimits");
        return group;
    }

    public static FileContentHttpResult GetLoader(WidgetModules modules, HttpContext context)
    {
        var loader = Encoding.UTF8.GetBytes(LoaderTemplate.Replace("{ENTRY}", modules.EntryPath, StringComparison.Ordinal));
        context.Response.Headers.CacheControl = LoaderCacheControl;
        return TypedResults.Bytes(loader, JavaScript, entityTag: new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(loader))[..32]}\""));
    }

    public static Task GetLimits(WidgetModules modules, HttpContext context) =>
        modules.ServeVersioned(context, "limits.js", async context =>
        {
            context.Response.ContentType = JavaScript;
            await context.Response.WriteAsync(WidgetLimits.Server.ToModule(), context.RequestAborted);
        });

    // A classic script, so that embedding stays one plain tag; it adds the module script that starts the widget. The nonce
    // is passed on so that a host page with a nonce-based CSP allows the widget by allowing this one tag (the module's
    // imports inherit it). The API base defaults to where the modules come from, i.e. where this file came from.
    private const string LoaderTemplate = """
        // FlinkSearch embed loader. Usage: <script src="https://SEARCH-HOST/embed.js" defer></script> <flink-search></flink-search>
        (() => {
          const loader = document.currentScript;
          if (!loader || customElements.get("flink-search") || document.querySelector("script[data-flink-search-widget]")) return;
          const widget = document.createElement("script");
          widget.type = "module";
          widget.src = new URL("{ENTRY}", loader.src).href;
          widget.dataset.flinkSearchWidget = "";
          if (loader.nonce) widget.nonce = loader.nonce;
          document.head.append(widget);
        })();

        """;
}
