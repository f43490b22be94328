using System.Security.Cryptography;
using System.Text;

namespace FlinkSearch.Catalog;

/// <summary>
/// The identity of an article: <see cref="Key"/> ignores the scheme so that the http and https forms of a link
/// are one document, while <see cref="Url"/> keeps the scheme it was listed with for fetching and display.
/// </summary>
public sealed record CanonicalUrl(string Url, string Key)
{
    // Parameters that WeChat and analytics tools append per share; they never change what the page shows.
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "scene", "from", "chksm", "sessionid", "clicktime", "enterid", "subscene", "ascene", "devicetype",
        "version", "nettype", "lang", "pass_ticket", "wx_header", "exportkey",
    };

    public string Id => DocumentId(Key);

    public static bool TryParse(string? text, out CanonicalUrl? canonical)
    {
        canonical = null;
        if (string.IsNullOrWhiteSpace(text)
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        var authority = uri.IsDefaultPort ? uri.Host.ToLowerInvariant() : $"{uri.Host.ToLowerInvariant()}:{uri.Port}";
        var path = string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath;
        var query = KeepIdentifyingParameters(uri.Query);
        var rest = authority + path + (query.Length > 0 ? "?" + query : "");
        canonical = new CanonicalUrl($"{uri.Scheme}://{rest}", "//" + rest);
        return true;
    }

    private static string KeepIdentifyingParameters(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair =>
            {
                var name = pair.Split('=', 2)[0];
                return !name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) && !TrackingParameters.Contains(name);
            });
        return string.Join('&', kept);
    }

    public static string DocumentId(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
}
