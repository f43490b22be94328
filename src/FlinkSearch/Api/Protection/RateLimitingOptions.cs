using System.ComponentModel.DataAnnotations;

namespace FlinkSearch.Api.Protection;

/// <summary>
/// The <c>RateLimiting</c> section: a fixed window per client address and path on the search endpoints.
/// The limit applies by path, so an endpoint listed here is covered as soon as it is mapped.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";
    public static readonly IReadOnlyList<string> DefaultPaths = ["/search", "/suggest"];

    public bool Enabled { get; set; } = true;

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Request paths that are limited; null keeps <see cref="DefaultPaths"/> (the binder would append to a preset list).</summary>
    public string[]? Paths { get; set; }

    public IReadOnlyList<string> LimitedPaths => Paths ?? DefaultPaths;
}
