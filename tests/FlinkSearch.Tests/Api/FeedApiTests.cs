using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using FlinkSearch.Feed;
using FlinkSearch.Indexing;
using FlinkSearch.Takedowns;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Api;

/// <summary><c>GET /feed.xml</c> over an index of dated articles, read back with the same Atom library.</summary>
public sealed class FeedApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDataDirectory data = new(withSeed: false);
    private FlinkSearchApp app = null!;
    private HttpClient client = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // 60 published on days 1..60 (listed out of order), 3 with only a crawl date (days 30.5, 70 and 0), 2 never crawled.
    private static IEnumerable<IndexableArticle> Articles() =>
    [
        .. Enumerable.Range(1, 60).Select(day => (day * 37) % 60 + 1).Select(day => Article($"p{day:D2}", $"第 {day} 天发布的文章", Start.AddDays(day), null)),
        Article("crawled-mid", "只知道抓取时间的文章", null, Start.AddDays(30.5)),
        Article("crawled-newest", "最新抓取的文章", null, Start.AddDays(70)),
        Article("crawled-old", "很早抓取的文章", null, Start),
        Article("uncrawled-1", "尚未抓取的文章", null, null) with { Status = ArticleStatus.Uncrawled, Body = null, Account = null },
        Article("uncrawled-2", "另一篇尚未抓取的文章", null, null) with { Status = ArticleStatus.Uncrawled, Body = null, Account = null },
    ];

    public async ValueTask InitializeAsync()
    {
        await BuiltIndex.WriteAsync(data, [.. Articles()]);
        app = new FlinkSearchApp(data);
        client = await app.StartAsync(Cancellation);
    }

    [Fact]
    public async Task The_feed_is_atom_with_the_50_newest_articles_newest_first()
    {
        var response = await client.GetAsync("/feed.xml", Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancellation);

        Assert.Equal(XName.Get("feed", "http://www.w3.org/2005/Atom"), XDocument.Load(new MemoryStream(bytes)).Root!.Name);
        var feed = Load(bytes);
        var items = feed.Items.ToList();
        Assert.Equal(NewArticles.Count, items.Count);
        string[] expected =
        [
            "crawled-newest", .. Enumerable.Range(31, 30).Reverse().Select(day => $"p{day:D2}"),
            "crawled-mid", .. Enumerable.Range(13, 18).Reverse().Select(day => $"p{day:D2}"),
        ];
        Assert.Equal(expected, items.Select(IdOf));
        var dates = items.Select(item => item.LastUpdatedTime).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal(dates[0], feed.LastUpdatedTime);
    }

    [Fact]
    public async Task An_entry_has_its_title_link_date_account_and_summary()
    {
        var feed = Load(await client.GetByteArrayAsync("/feed.xml", Cancellation));

        var entry = feed.Items.Single(item => IdOf(item) == "p60");
        Assert.Equal("第 60 天发布的文章", entry.Title.Text);
        Assert.Equal(new Uri("https://example.com/p60"), entry.Links.Single(link => link.RelationshipType == "alternate").Uri);
        Assert.Equal(Start.AddDays(60), entry.PublishDate);
        Assert.Equal(Start.AddDays(60), entry.LastUpdatedTime);
        Assert.Equal("大数据公众号", entry.Authors.Single().Name);
        Assert.Equal("状态", entry.Categories.Single().Name);
        Assert.StartsWith("第 60 天的正文。水位线推动窗口计算。", entry.Summary.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", entry.Summary.Text, StringComparison.Ordinal);
        Assert.InRange(entry.Summary.Text.Length, 20, FeedSummary.MaxLength + 1);
        Assert.DoesNotContain('\n', entry.Summary.Text);
    }

    [Fact]
    public async Task A_hidden_article_leaves_the_feed_at_once()
    {
        Assert.NotNull(app.Services.GetRequiredService<TakedownService>().Hide("crawled-newest", "test"));

        var feed = Load(await client.GetByteArrayAsync("/feed.xml", Cancellation));

        Assert.DoesNotContain(feed.Items, item => IdOf(item) == "crawled-newest");
        Assert.Equal("p60", IdOf(feed.Items.First()));
        Assert.Equal(NewArticles.Count, feed.Items.Count());
    }

    [Fact]
    public async Task The_search_page_names_the_feed_for_feed_readers()
    {
        var page = await client.GetStringAsync("/", Cancellation);

        var link = System.Text.RegularExpressions.Regex.Match(page, "<link rel=\"alternate\" type=\"application/atom\\+xml\" href=\"([^\"]+)\"");
        Assert.True(link.Success, "no <link rel=\"alternate\" type=\"application/atom+xml\"> in the page");
        var feed = Load(await client.GetByteArrayAsync(new Uri(client.BaseAddress!, link.Groups[1].Value), Cancellation));
        Assert.Equal(AtomFeed.Title, feed.Title.Text);
    }

    private static SyndicationFeed Load(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "not an Atom 1.0 feed");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    private static string IdOf(SyndicationItem item) => item.Id["https://example.com/".Length..];

    private static IndexableArticle Article(string id, string title, DateTimeOffset? published, DateTimeOffset? crawled) =>
        new(id, $"https://example.com/{id}", title, ["状态"], null, "test", 1, ArticleStatus.Ok,
            Body: $"第 {id[1..]} 天的正文。水位线推动窗口计算。\n\n" + string.Concat(Enumerable.Repeat("状态后端保存算子的状态，检查点定期把它写到持久存储里", 8)),
            Account: "大数据公众号", PublishedAt: published, CrawledAt: crawled);

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        data.Dispose();
    }
}
