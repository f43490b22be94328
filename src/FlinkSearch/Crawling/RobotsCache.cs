using System.Collections.Concurrent;

namespace FlinkSearch.Crawling;

/// <summary>
/// robots.txt per scheme and host, fetched once per crawl. A missing file allows everything; a server error means
/// "disallow" until the next crawl, as RFC 9309 asks. Which hosts are not asked at all is the source types' call.
/// </summary>
public sealed class RobotsCache(PageFetcher fetcher, string userAgent, CancellationToken crawlCancelled)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsRules>>> rules = new(StringComparer.OrdinalIgnoreCase);
    private readonly string productToken = userAgent.Split('/', ' ')[0];

    public async ValueTask<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken)
    {
        var site = url.GetLeftPart(UriPartial.Authority);
        var entry = rules.GetOrAdd(site, key => new Lazy<Task<RobotsRules>>(() => LoadAsync(new Uri(key + "/robots.txt"))));
        return (await entry.Value.WaitAsync(cancellationToken)).IsAllowed(url.PathAndQuery);
    }

    // Shared by every page of the host, so it runs under the crawl's token rather than the first page's deadline.
    private async Task<RobotsRules> LoadAsync(Uri robotsUrl)
    {
        var result = await fetcher.FetchTextAsync(robotsUrl, crawlCancelled);
        return result switch
        {
            { Outcome: FetchOutcome.Content, Text: { } text } => RobotsRules.Parse(text, productToken),
            { StatusCode: >= 500 } => RobotsRules.DisallowAll,
            _ => RobotsRules.AllowAll,
        };
    }
}
