using System.Net;
using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace FlinkSearch.Crawling;

public static class CrawlingExtensions
{
    public static IHostApplicationBuilder AddCrawling(this IHostApplicationBuilder builder)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.Services.AddOptions<CrawlerOptions>().BindConfiguration(CrawlerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AddressGuard>();
        builder.Services.AddSingleton<CrawlStore>();
        builder.Services.AddSingleton<GoneArticles>();
        builder.Services.AddSingleton<PageFetcher>();
        builder.Services.AddSingleton<SourceTypes>();
        builder.Services.AddSingleton<UnlistedRecords>();
        builder.Services.AddSingleton<CrawlRunner>();

        // Retries are normal crawl weather; their outcome is recorded per page in the crawl store.
        builder.Logging.AddFilter("Polly", LogLevel.Error);

        builder.Services.AddHttpClient(PageFetcher.ClientName, (services, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(services.GetRequiredService<IOptions<CrawlerOptions>>().Value.UserAgent);
                client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = services.GetRequiredService<IOptions<CrawlerOptions>>().Value.AttemptTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = services.GetRequiredService<AddressGuard>().ConnectAsync,
            })
            .RemoveAllLoggers()
            .AddResilienceHandler("crawler", ConfigureResilience);
        return builder;
    }

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<CrawlerOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.RequestTimeout, Name = "total" })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, options, time)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt" });
    }

    /// <summary>Timeouts, connection errors, 408, 429 and 5xx are retried; refused addresses and other 4xx never are.</summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CrawlerOptions options, TimeProvider time) => outcome switch
    {
        { Exception: { } e } when PageFetcher.IsBlocked(e) => false,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode)
            && !(PageFetcher.RetryAfter(response, time.GetUtcNow()) > options.MaxRetryAfter),
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
