using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace FlinkSearch.Crawling;

/// <summary>The <c>Crawler</c> config section: politeness, limits and safety of the article fetcher.</summary>
public sealed class CrawlerOptions
{
    public const string Section = "Crawler";

    /// <summary>Allow loopback, private and link-local targets (tests and local fixture sites only).</summary>
    public bool AllowPrivateNetworks { get; set; }

    [Required]
    public string UserAgent { get; set; } = DefaultUserAgent;

    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Requests in flight to one host at once.</summary>
    [Range(1, 16)]
    public int MaxConcurrencyPerHost { get; set; } = 1;

    /// <summary>Pause between two requests to the same host.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PerHostDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An article that keeps answering "deleted"/"removed" this long is hidden from search.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan GoneAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The record of a URL that is in no source list any more is deleted after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan ForgetRemovedAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Time allowed for one attempt to get response headers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time allowed for one page, retries and reading the body included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base of the exponential backoff (with jitter) between retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the page fails with its status instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1024, 100 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 5;

    public static string DefaultUserAgent { get; } =
        $"FlinkSearch/{typeof(CrawlerOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0"} (+self-hosted article search; robots.txt respected)";
}
