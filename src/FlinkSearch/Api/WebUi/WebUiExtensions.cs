using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Api.WebUi;

/// <summary>The search page and the embeddable widget: static files, security headers and cross-origin access.</summary>
public static class WebUiExtensions
{
    /// <summary>What other sites' pages may call: groups that carry it (the widget's code, the search API) say so.</summary>
    public const string EmbeddingCorsPolicy = "embedding";

    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrossOriginOptions>()
            .BindConfiguration(CrossOriginOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>()
            .Configure<IOptions<CrossOriginOptions>>((cors, origins) => cors.AddPolicy(EmbeddingCorsPolicy, policy =>
            {
                if (origins.Value.AllowsAnyOrigin)
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins([.. origins.Value.Origins]);
                }

                policy.WithMethods(HttpMethods.Get, HttpMethods.Head)
                    .WithExposedHeaders("Retry-After")
                    .SetPreflightMaxAge(TimeSpan.FromHours(1));
            }));
        builder.Services.AddSingleton<WidgetModules>();
        // Outside Development the framework finds the build's compressed copies only in a published layout; this lets a
        // plain `dotnet run` or the test host serve them too (and does nothing once published, where they sit in wwwroot).
        if (builder.Environment is IWebHostEnvironment web)
        {
            StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        }

        // Unpublished, the framework would also serve any wwwroot file at its plain path through a GET-only catch-all,
        // which answers a POST to an unknown path with 405 instead of 404. The manifest's endpoints are all we serve.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";

        return builder;
    }

    /// <summary>
    /// Security headers, and CORS for the endpoints whose group requires it. Goes before the output cache: a cached
    /// answer is replayed without the headers that middleware after the cache wrote, and a widget on another site
    /// needs them every time.
    /// </summary>
    public static WebApplication UseWebUiHeaders(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseCors();
        return app;
    }

    /// <summary>
    /// Serves <c>wwwroot</c> from the build's static assets manifest (ETags, compressed copies, the page's CSP), the page
    /// at <c>/</c>, and <c>/embed.js</c> with the versioned widget modules.
    /// </summary>
    public static WebApplication MapWebUi(this WebApplication app)
    {
        var assets = app.MapStaticAssets().ExcludeFromDescription();
        assets.Add(app.Services.GetRequiredService<WidgetModules>().Adopt);
        assets.Add(SecurityHeaders.AddPagePolicy);
        // Static assets have no default document: the page at / is index.html through the static-file middleware.
        app.MapFallbackToFile("/", "index.html", new StaticFileOptions { OnPrepareResponse = SecurityHeaders.AddPagePolicy })
            .ExcludeFromDescription();
        app.MapEmbedApi();
        return app;
    }
}
