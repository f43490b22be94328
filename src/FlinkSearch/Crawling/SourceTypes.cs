using FlinkSearch.Catalog;
using FlinkSearch.Extraction;

namespace FlinkSearch.Crawling;

/// <summary>
/// The registered source types, asked in turn: the catalog holds every type's links of every list, a hop is refused
/// when a type refuses it, robots.txt is skipped where a type says so, and a page is read by the extractor of the first
/// type that handles it (else the generic one).
/// </summary>
public sealed class SourceTypes(IEnumerable<ISourceType> registered, SourceCatalogLoader loader)
{
    // Without the Markdown list type nothing would be listed at all: a host that forgot AddSources fails on first use.
    private readonly ISourceType[] types = registered.ToArray() is { Length: > 0 } all
        ? all
        : throw new InvalidOperationException("No source types are registered: call AddSources() next to AddCrawling().");

    private readonly IPageExtractor[] extractors = [.. registered.Select(t => t.Extractor).OfType<IPageExtractor>()];

    /// <summary>Reads the source lists and adds what each type contributes.</summary>
    public async Task<SourceCatalog> LoadAsync(CancellationToken cancellationToken) => Expand(await loader.LoadAsync(cancellationToken));

    /// <summary>The catalog of the lists as read, with every type's links of every list.</summary>
    public SourceCatalog Expand(SourceCatalog read) =>
        SourceCatalog.Merge(read.Lists, read.Warnings, list => types.SelectMany(type => type.Links(list)));

    public async Task<IReadOnlyList<PageCrawlResult>> RefreshAsync(SourceCatalog read, SourceFetch fetch, CancellationToken cancellationToken)
    {
        var results = new List<PageCrawlResult>();
        foreach (var list in read.Lists)
        {
            foreach (var type in types)
            {
                results.AddRange(await type.RefreshAsync(list, fetch, cancellationToken));
            }
        }

        return results;
    }

    /// <summary>The per-hop policy of one crawl: a refusing redirect ends the fetch, then robots.txt unless a type skips it.</summary>
    public PageFetcher.HopPolicy PolicyFor(RobotsCache robots) => async (url, hop, cancellationToken) =>
    {
        if (hop > 0 && types.Select(t => t.RefusedRedirect(url)).FirstOrDefault(r => r is not null) is { } refusal)
        {
            return refusal;
        }

        return types.Any(t => t.SkipsRobots(url)) || await robots.IsAllowedAsync(url, cancellationToken)
            ? null
            : new HopRefusal(FailureReasons.Robots, $"robots.txt of {url.Authority} disallows {url.PathAndQuery}");
    };

    public ExtractionResult Extract(Uri url, string html) => ArticleExtractor.Extract(url, html, extractors);

    /// <summary>The first type's own copy of the article, with the type's name.</summary>
    public (string Source, ExtractedArticle Article)? OwnCopy(CatalogEntry entry) =>
        types.Select(t => (t.Name, Article: t.OwnCopy(entry))).FirstOrDefault(x => x.Article is not null) is { Article: { } article } found
            ? (found.Name, article)
            : null;
}
