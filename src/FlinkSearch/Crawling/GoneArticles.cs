using Microsoft.Extensions.Options;

namespace FlinkSearch.Crawling;

/// <summary>
/// Which crawled articles are gone: those whose answers have said "deleted"/"removed" for longer than
/// <c>Crawler:GoneAfter</c>. Their records stay in the store; the indexer leaves them out.
/// </summary>
public sealed class GoneArticles(IOptions<CrawlerOptions> options, TimeProvider time)
{
    public bool Contains(CrawlRecord record) => record.IsGone(time.GetUtcNow(), options.Value.GoneAfter);
}
