using System.ComponentModel.DataAnnotations;

namespace FlinkSearch.Api.Protection;

/// <summary>The <c>OutputCache</c> section: the same search within <see cref="Duration"/> is answered from memory.</summary>
public sealed class OutputCachingOptions
{
    public const string Section = "OutputCache";

    /// <summary>How long an answer is reused; zero turns output caching off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);
}
