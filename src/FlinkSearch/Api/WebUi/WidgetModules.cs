using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;

namespace FlinkSearch.Api.WebUi;

/// <summary>
/// The widget's ES modules and stylesheet (<c>wwwroot/widget/</c>) as <c>MapStaticAssets</c> serves them (ETags and
/// compressed copies from the build's manifest), moved under <c>/widget/{version}/</c>. The modules import each other by
/// relative names, so one version folder holds one consistent set and may be cached for a year; the version changes
/// whenever any of the files (their build-time ETags) or the server's limits do.
/// </summary>
public sealed class WidgetModules(IHostEnvironment environment)
{
    public const string Folder = "widget/";
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";

    private readonly SortedSet<string> fileTags = new(StringComparer.Ordinal);
    private string? version;

    /// <summary>Sixteen hex digits naming the current set of files, e.g. <c>3f2a…</c> in <c>/widget/3f2a…/flink-search.js</c>.
    /// Read once the endpoints are built (the first request), when every file has passed through <see cref="Adopt"/>.</summary>
    public string Version => version ??= ComputeVersion();

    /// <summary>The module <c>/embed.js</c> loads, relative to the service's base.</summary>
    public string EntryPath => $"{Folder}{Version}/flink-search.js";

    /// <summary>
    /// Endpoint convention for <c>MapStaticAssets</c>: a widget file's endpoint moves under the version folder, takes the
    /// embedding CORS policy (module scripts are fetched in CORS mode) and answers with long caching for the current version.
    /// Fingerprinted copies (<c>text.ab12cd.js</c>) stay where the framework put them; the widget does not use them.
    /// </summary>
    public void Adopt(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route
            || endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault() is not { } asset
            || !asset.Route.StartsWith(Folder, StringComparison.Ordinal)
            || asset.Properties.Any(property => property.Name == "fingerprint"))
        {
            return;
        }

        var file = asset.Route[Folder.Length..];
        if (!asset.Selectors.Any())
        {
            // The uncompressed copy stands for the file; its ETag is the hash of its content.
            fileTags.Add($"{asset.Route} {asset.ResponseHeaders.FirstOrDefault(header => header.Name == "ETag")?.Value}");
        }

        route.RoutePattern = RoutePatternFactory.Parse($"/{Folder}{{version}}/{file}");
        route.Metadata.Add(new EnableCorsAttribute(WebUiExtensions.EmbeddingCorsPolicy));
        var serve = route.RequestDelegate!;
        route.RequestDelegate = context => ServeVersioned(context, file, serve);
    }

    /// <summary>
    /// Serves a file of the current version for a year; a request for any other version (a loader cached from before a
    /// deploy) is sent to the current one, without caching the redirect.
    /// </summary>
    public Task ServeVersioned(HttpContext context, string file, RequestDelegate serve)
    {
        if (!string.Equals(context.GetRouteValue("version") as string, Version, StringComparison.Ordinal))
        {
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Redirect($"{context.Request.PathBase}/{Folder}{Version}/{file}");
            return Task.CompletedTask;
        }

        // The manifest says no-cache for unfingerprinted names; within a version folder the content never changes. In
        // Development the files are edited under a running server, so they stay revalidated there.
        if (environment.IsDevelopment())
        {
            return serve(context);
        }

        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = VersionedCacheControl;
            return Task.CompletedTask;
        });
        return serve(context);
    }

    private string ComputeVersion()
    {
        var inputs = string.Join('\n', fileTags) + '\n' + WidgetLimits.Server.ToModule();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputs)))[..16];
    }
}
