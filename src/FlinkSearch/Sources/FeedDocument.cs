using System.ServiceModel.Syndication;
using System.Xml;
using FlinkSearch.Extraction;

namespace FlinkSearch.Sources;

/// <summary>An RSS 2.0 or Atom 1.0 document read by <see cref="SyndicationFeed"/>: its name and its items, bodies as plain text.</summary>
public sealed record FeedDocument(string? Name, IReadOnlyList<FeedDocument.Item> Items)
{
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public sealed record Item(string Url, string Title, string? Author, DateTimeOffset? PublishedAt, string? Text);

    /// <summary>Parses the feed; items without a link or a title are left out. Throws <see cref="XmlException"/> for what is not a feed.</summary>
    public static FeedDocument Parse(string xml, Uri feedUrl)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        var feed = SyndicationFeed.Load(reader);
        var items = new List<Item>();
        foreach (var item in feed.Items)
        {
            var title = item.Title?.Text?.Trim();
            if (Link(item, feedUrl) is not { } link || string.IsNullOrEmpty(title))
            {
                continue;
            }

            var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
            items.Add(new Item(link.AbsoluteUri, title, Author(item), published, Text(item, link, title)));
        }

        return new FeedDocument(feed.Title?.Text?.Trim(), items);
    }

    private static Uri? Link(SyndicationItem item, Uri feedUrl)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate") ?? item.Links.FirstOrDefault();
        return link?.Uri is { } uri && Uri.TryCreate(link.BaseUri ?? item.BaseUri ?? feedUrl, uri, out var absolute)
            && absolute.Scheme is "http" or "https" ? absolute : null;
    }

    // RSS puts an e-mail address in <author>, so dc:creator (what blogs write) comes first.
    private static string? Author(SyndicationItem item) =>
        item.ElementExtensions.ReadElementExtensions<string>("creator", DublinCore).FirstOrDefault()?.Trim() is { Length: > 0 } creator ? creator
        : item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim();

    /// <summary>The full content (RSS <c>content:encoded</c>, Atom <c>content</c>), else the summary, read as the generic extractor reads a page.</summary>
    private static string? Text(SyndicationItem item, Uri link, string title)
    {
        var html = item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentModule).FirstOrDefault()
            ?? (item.Content as TextSyndicationContent)?.Text
            ?? item.Summary?.Text;
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var page = $"<html><head><title>{System.Net.WebUtility.HtmlEncode(title)}</title></head><body><article>{html}</article></body></html>";
        return ArticleExtractor.Extract(link, page, []).Article?.Text;
    }
}
