using System.ComponentModel.DataAnnotations;

namespace FlinkSearch.Analytics;

/// <summary>The <c>Analytics</c> section: whether searches are counted into <c>analytics.db</c>, and for how long they are kept.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    public bool Enabled { get; set; } = true;

    /// <summary>Hours older than this are deleted; at least one day, so that "the last day" always has its data.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Analytics:Retention must be between 1 day and 10 years.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);
}
