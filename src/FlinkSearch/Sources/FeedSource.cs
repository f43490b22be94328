using System.Globalization;
using System.Xml;
using FlinkSearch.Catalog;
using FlinkSearch.Crawling;
using FlinkSearch.Extraction;
using FlinkSearch.Kernel;

namespace FlinkSearch.Sources;

/// <summary>
/// RSS 2.0 and Atom feeds: a list whose front matter names <c>feed: &lt;url&gt;</c> also lists the feed's items, under
/// <c>section:</c> (default: the list's title). The feed is fetched before each crawl; new items join the catalog, and
/// items that leave the feed stay until they have been absent for <c>keep:</c> days (default: forever). An item's own
/// content is its article's copy while its page cannot be fetched, and fills in the author and date a page lacks.
/// </summary>
public sealed class FeedSource(DataDirectory data) : ISourceType
{
    private readonly FeedItems store = new(data);

    public string Name => CopySources.Feed;

    public IEnumerable<SourceLink> Links(SourceList list)
    {
        if (FeedUrl(list) is null || store.Read(list.Id) is not { } state)
        {
            yield break;
        }

        var section = list.FrontMatter.GetValueOrDefault("section") is { Length: > 0 } named ? named : list.Title;
        foreach (var item in Kept(list, state.Items, state.CheckedAt))
        {
            if (CanonicalUrl.TryParse(item.Url, out var url))
            {
                yield return new SourceLink(url!, item.Title, section, Line: 0, Note: null);
            }
        }
    }

    public async Task<IReadOnlyList<PageCrawlResult>> RefreshAsync(SourceList list, SourceFetch fetch, CancellationToken cancellationToken)
    {
        if (!list.FrontMatter.TryGetValue("feed", out var given))
        {
            return [];
        }

        var id = "feed-" + list.Id;
        if (FeedUrl(list) is not { } url)
        {
            return [new PageCrawlResult(id, given, PageOutcome.Failed, FailureReasons.BadLink, $"the feed of {list.Path} is not an http(s) address")];
        }

        var previous = store.Read(list.Id) is { } read && read.FeedUrl == url.AbsoluteUri ? read : null;
        var fetched = await fetch.FeedAsync(url, previous is null ? null : new HttpValidators(previous.ETag, previous.LastModified), cancellationToken);
        var now = fetch.Time.GetUtcNow();
        if (fetched.Outcome == FetchOutcome.NotModified && previous is not null)
        {
            // The feed lists what it listed last time: those items are seen again now.
            var seen = previous.Items.Select(i => i.LastSeen == previous.CheckedAt ? i with { LastSeen = now } : i);
            await store.WriteAsync(list.Id, previous with { CheckedAt = now, Items = [.. Kept(list, seen, now)] }, cancellationToken);
            return [new PageCrawlResult(id, url.AbsoluteUri, PageOutcome.Unchanged)];
        }

        if (fetched is not { Outcome: FetchOutcome.Content, Text: { } xml })
        {
            return [new PageCrawlResult(id, url.AbsoluteUri, PageOutcome.Failed, fetched.FailureReason ?? FailureReasons.Http(fetched.StatusCode ?? 0), fetched.Detail)];
        }

        FeedDocument document;
        try
        {
            document = FeedDocument.Parse(xml, fetched.FinalUrl);
        }
        catch (XmlException e)
        {
            return [new PageCrawlResult(id, url.AbsoluteUri, PageOutcome.Failed, FailureReasons.NotHtml, $"not an RSS or Atom feed: {e.Message}")];
        }

        var items = document.Items.Select(i => new FeedItem(i.Url, i.Title, i.Author, i.PublishedAt, i.Text, now)).ToList();
        var current = items.Select(i => i.Url).ToHashSet(StringComparer.Ordinal);
        var kept = items.Concat(previous?.Items.Where(i => !current.Contains(i.Url)) ?? []);
        await store.WriteAsync(list.Id, new FeedState(url.AbsoluteUri, document.Name, fetched.Validators?.ETag, fetched.Validators?.LastModified, now, [.. Kept(list, kept, now)]), cancellationToken);
        return [new PageCrawlResult(id, url.AbsoluteUri, PageOutcome.Fetched)];
    }

    public ExtractedArticle? OwnCopy(CatalogEntry entry)
    {
        if (store.Read(entry.ListId) is not { } state || !CanonicalUrl.TryParse(entry.Url, out var listed))
        {
            return null;
        }

        var item = state.Items.FirstOrDefault(i => CanonicalUrl.TryParse(i.Url, out var url) && url!.Key == listed!.Key);
        return item is { Text: { Length: > 0 } text } ? new ExtractedArticle(item.Title, item.Author, state.Name, item.PublishedAt, null, null, text) : null;
    }

    private static Uri? FeedUrl(SourceList list) =>
        list.FrontMatter.GetValueOrDefault("feed") is { } text && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    /// <summary>The items inside the list's <c>keep:</c> window (days since the feed last listed them); all without one.</summary>
    private static IEnumerable<FeedItem> Kept(SourceList list, IEnumerable<FeedItem> items, DateTimeOffset now) =>
        list.FrontMatter.GetValueOrDefault("keep") is { } keep && double.TryParse(keep, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) && days >= 0
            ? items.Where(i => now - i.LastSeen <= TimeSpan.FromDays(days))
            : items;
}
