using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Api.Protection;

/// <summary>What keeps a public instance healthy: rate limits, request limits, proxy headers, compression and output caching.</summary>
public static class ProtectionExtensions
{
    public static IHostApplicationBuilder AddProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OutputCachingOptions>().BindConfiguration(OutputCachingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section)
            .Validate(settings => settings.IsValid(), "ForwardedHeaders: KnownProxies must be IP addresses, KnownNetworks CIDR ranges, ForwardLimit at least 1.")
            .ValidateOnStart();

        builder.AddRequestLimits();
        builder.AddForwardedHeaders();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) => SearchRateLimit.Configure(limiter, settings.Value));

        builder.Services.AddResponseCompression(compression =>
        {
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "image/svg+xml"];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);

        builder.Services.AddOutputCache(cache =>
        {
            cache.SizeLimit = 32 * 1024 * 1024;
            cache.MaximumBodySize = 1024 * 1024;
            cache.AddPolicy(SearchOutputCachePolicy.PolicyName, new SearchOutputCachePolicy());
        });
        return builder;
    }

    /// <summary>Order matters: refuse malformed requests first, compress what the cache serves, and count cached answers against the rate limit too.</summary>
    public static IApplicationBuilder UseProtection(this IApplicationBuilder app)
    {
        // GET and HEAD take no body here: one sent anyway is refused before anything reads it (or waits for it).
        app.Use((context, next) =>
            (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
                ? TypedResults.Problem("GET and HEAD requests take no body.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context)
                : next(context));

        app.UseResponseCompression();
        app.UseRateLimiter();
        app.UseOutputCache();

        // A client that went away while its request waited gets no work done for it; the exception handler logs it as 499.
        app.Use((context, next) =>
        {
            context.RequestAborted.ThrowIfCancellationRequested();
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Deliberate limits for a public, GET-only search API (README, "Abuse resistance"), each overridable under
    /// <c>Kestrel:Limits</c>: a search is a URL and a few headers, and a client too slow to send or read one is dropped.
    /// </summary>
    private static void AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KestrelServerOptions>().Configure(kestrel =>
        {
            kestrel.AddServerHeader = false;
            var limits = kestrel.Limits;
            limits.MaxRequestBodySize = 64 * 1024;
            limits.MaxRequestLineSize = 8 * 1024;
            limits.MaxRequestHeadersTotalSize = 16 * 1024;
            limits.MaxRequestHeaderCount = 50;
            // Slowloris: the headers must be complete within 10 s however they trickle in; idle keep-alives close after 60 s.
            limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
            // A body sent, or a response read, at under 240 bytes/s after a 5 s grace is cut off (Kestrel's figures, said here).
            limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(5));
            limits.MinResponseDataRate = new MinDataRate(240, TimeSpan.FromSeconds(5));
            // Past this, new connections are refused at once instead of sharing out sockets and memory (Kestrel: unlimited).
            limits.MaxConcurrentConnections = 2000;
            limits.MaxConcurrentUpgradedConnections = 0;
            builder.Configuration.GetSection("Kestrel:Limits").Bind(limits);
        });
    }

    private static void AddForwardedHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            var value = settings.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = value.ForwardLimit;
            if (value.KnownProxies.Length > 0 || value.KnownNetworks.Length > 0)
            {
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var proxy in value.KnownProxies)
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in value.KnownNetworks)
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
        builder.Services.AddTransient<IStartupFilter, ForwardedHeadersStartupFilter>();
    }

    /// <summary>Runs the forwarded-headers middleware before anything else reads the client address or scheme.</summary>
    private sealed class ForwardedHeadersStartupFilter(IOptions<ForwardedHeadersSettings> settings) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (settings.Value.Enabled)
            {
                app.UseForwardedHeaders();
            }

            next(app);
        };
    }
}
