using System.ComponentModel.DataAnnotations;

namespace FlinkSearch.Api.Protection;

/// <summary>
/// The <c>RateLimiting</c> section: a fixed window per client address and endpoint, for the endpoints whose group
/// requires <see cref="SearchRateLimit.PolicyName"/>.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
