namespace FlinkSearch.Crawling;

/// <summary>What a source type fetches before a crawl (a feed), fetched like the crawl's pages: through its throttle and policy.</summary>
public sealed class SourceFetch(PageFetcher fetcher, PageFetcher.HopPolicy policy, HostThrottle throttle, TimeProvider time)
{
    public TimeProvider Time => time;

    public async Task<FetchResult> FeedAsync(Uri url, HttpValidators? validators, CancellationToken cancellationToken)
    {
        await using (await throttle.EnterAsync(url.IdnHost, cancellationToken))
        {
            return await fetcher.FetchFeedAsync(url, validators, policy, cancellationToken);
        }
    }
}
