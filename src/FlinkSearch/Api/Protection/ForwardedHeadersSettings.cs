using System.Net;

namespace FlinkSearch.Api.Protection;

/// <summary>
/// The <c>ForwardedHeaders</c> section. Off by default: only behind a reverse proxy may <c>X-Forwarded-For</c>/<c>-Proto</c>
/// be trusted, and then only from the proxies listed (loopback when none are).
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Trusted proxy networks in CIDR form, e.g. <c>172.16.0.0/12</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxy hops to unwind.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool IsValid() =>
        ForwardLimit >= 1
        && KnownProxies.All(proxy => IPAddress.TryParse(proxy, out _))
        && KnownNetworks.All(network => IPNetwork.TryParse(network, out _));
}
