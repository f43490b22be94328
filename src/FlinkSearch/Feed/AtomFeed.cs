using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace FlinkSearch.Feed;

/// <summary>
/// Writes <see cref="NewArticlesSnapshot"/> as an Atom 1.0 document with System.ServiceModel.Syndication (the library
/// that already reads source feeds): one entry per article with its title, link, date, account as author, sections as
/// categories and summary.
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const string Title = "FlinkSearch · 新文章";

    /// <param name="site">The service's base address, for the feed's id and its self and alternate links.</param>
    public static byte[] Write(NewArticlesSnapshot snapshot, Uri site)
    {
        var self = new Uri(site, "feed.xml");
        var feed = new SyndicationFeed(snapshot.Entries.Select(Item))
        {
            Id = self.AbsoluteUri,
            Title = new TextSyndicationContent(Title),
            Description = new TextSyndicationContent("Apache Flink 中文文章：最近发布的 50 篇"),
            Language = "zh-CN",
            Generator = "FlinkSearch",
            // An empty feed is as fresh as the index it was read from.
            LastUpdatedTime = snapshot.Entries.Count > 0 ? snapshot.Entries.Max(entry => entry.Date) : snapshot.BuiltAt,
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        feed.Links.Add(SyndicationLink.CreateAlternateLink(site, "text/html"));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Item(FeedEntry entry)
    {
        var article = entry.Article;
        var item = new SyndicationItem
        {
            Id = article.Url,
            Title = new TextSyndicationContent(article.Title),
            LastUpdatedTime = entry.Date,
            PublishDate = article.PublishedAt ?? default,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(article.Url), "text/html"));
        if ((article.Account ?? article.Author) is { } name)
        {
            item.Authors.Add(new SyndicationPerson { Name = name });
        }

        foreach (var section in article.Sections)
        {
            item.Categories.Add(new SyndicationCategory(section));
        }

        if (entry.Summary is { } summary)
        {
            item.Summary = new TextSyndicationContent(summary);
        }

        return item;
    }
}
