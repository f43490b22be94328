using FlinkSearch.Catalog;

namespace FlinkSearch.Tests.Catalog;

public sealed class SourceListParserTests
{
    private static SourceCatalog Parse(string markdown, out List<SourceWarning> warnings)
    {
        warnings = [];
        return SourceCatalog.Merge([SourceListParser.Parse("sources/test.md", markdown, warnings)], warnings);
    }

    [Fact]
    public void A_url_listed_twice_is_one_document_in_both_sections()
    {
        var catalog = Parse("""
            ## A
            * [First](https://mp.weixin.qq.com/s/abc?scene=21&utm_source=x#wechat_redirect)
            ## B
            * [Again](http://MP.weixin.qq.com/s/abc?from=timeline)
            """, out _);

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(["A", "B"], entry.Sections);
        Assert.Equal("https://mp.weixin.qq.com/s/abc", entry.Url);
        Assert.Equal("First", entry.Title);
    }

    [Fact]
    public void Bad_links_are_skipped_with_a_warning_naming_file_and_line()
    {
        var catalog = Parse("""
            ## A
            * [ftp](ftp://example.com/file)
            * [empty]()
            * no link here
            * [ok](https://example.com/ok)
            """, out var warnings);

        Assert.Equal("https://example.com/ok", Assert.Single(catalog.Entries).Url);
        Assert.Equal([2, 3, 4], warnings.Select(w => w.Line));
        Assert.All(warnings, w => Assert.Equal("sources/test.md", w.Path));
    }

    [Fact]
    public void Feed_keys_with_bad_values_are_named_in_warnings()
    {
        Parse("---\nfeed: feeds/blog.xml\nkeep: a month\n---\n", out var warnings);
        Parse("---\nfeed: https://blog.example/index.xml\nkeep: 30\nsection: 博客\n---\n", out var none);

        Assert.Equal(["feed: 'feeds/blog.xml' is not an http(s) address; the feed is not read", "keep: 'a month' is not a number of days; items that leave the feed are kept for good"], warnings.Select(w => w.Message));
        Assert.Empty(none);
    }

    [Fact]
    public void Identifying_wechat_parameters_stay_in_the_canonical_url()
    {
        Assert.True(CanonicalUrl.TryParse("https://mp.weixin.qq.com:443/s?__biz=MzA&mid=1&idx=2&sn=ff&chksm=zz&scene=27#rd", out var url));

        Assert.Equal("https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=2&sn=ff", url!.Url);
    }

    [Fact]
    public void A_file_without_front_matter_or_headings_still_loads()
    {
        var catalog = Parse("* [Only](https://example.com/only)\n", out _);

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal("test", entry.ListId);
        Assert.Equal("test", entry.Section);
    }
}
