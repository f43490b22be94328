using System.ComponentModel.DataAnnotations;

namespace FlinkSearch.Api.Observability;

/// <summary>The <c>Metrics</c> section. An empty <see cref="PrometheusEndpoint"/> turns the scraping endpoint off.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    [RegularExpression(@"^(/[^?#\s]*)?$", ErrorMessage = "Metrics:PrometheusEndpoint must be empty or a path starting with '/', e.g. /metrics.")]
    public string? PrometheusEndpoint { get; set; } = "/metrics";

    public bool ExposesEndpoint => !string.IsNullOrWhiteSpace(PrometheusEndpoint);
}
