using FlinkSearch.Catalog;
using FlinkSearch.Extraction;

namespace FlinkSearch.Crawling;

/// <summary>
/// A kind of source: which articles it adds to the catalog, how their pages are fetched, and which extractor reads what
/// comes back. Every member has a neutral default, so a type states only what is its own; <see cref="SourceTypes"/>
/// asks every registered type in turn. The types live in <c>Sources/</c>, one line each in <c>SourcesExtensions.AddSources</c>.
/// </summary>
public interface ISourceType
{
    /// <summary>The type's name; a crawl record whose copy the type supplied (<see cref="OwnCopy"/>) says it as its <c>source</c>.</summary>
    string Name { get; }

    /// <summary>The articles this type finds in a list (its Markdown links, a feed's items), in list order.</summary>
    IEnumerable<SourceLink> Links(SourceList list) => [];

    /// <summary>Before a crawl, brings what <see cref="Links"/> reads up to date (fetches a feed); one result per URL fetched.</summary>
    Task<IReadOnlyList<PageCrawlResult>> RefreshAsync(SourceList list, SourceFetch fetch, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PageCrawlResult>>([]);

    /// <summary>True when pages at this address are fetched without asking robots.txt.</summary>
    bool SkipsRobots(Uri url) => false;

    /// <summary>The failure to end with when a redirect leads here, because the site refuses the page this way.</summary>
    HopRefusal? RefusedRedirect(Uri url) => null;

    /// <summary>The extractor for this type's pages, asked before the generic one.</summary>
    IPageExtractor? Extractor => null;

    /// <summary>
    /// The article as the type itself holds it (a feed item's title, author, date and content), or null: kept as the copy
    /// when the page cannot be fetched, and filling in what the fetched page does not say.
    /// </summary>
    ExtractedArticle? OwnCopy(CatalogEntry entry) => null;
}
