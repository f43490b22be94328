using FlinkSearch.Crawling;

namespace FlinkSearch.Tests.Crawling;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # comments are ignored
        User-agent: *
        Disallow: /private/
        Allow: /private/open$

        User-agent: BadBot
        User-agent: FlinkSearch
        Disallow: /drafts
        Allow: /drafts/public
        Disallow: /*.pdf$
        """;

    [Theory]
    [InlineData("/articles/1", true)]
    [InlineData("/drafts/2", false)]
    [InlineData("/drafts/public/3", true)]
    [InlineData("/files/a.pdf", false)]
    [InlineData("/files/a.pdf?x=1", true)]
    [InlineData("/private/secret", true)]
    public void The_group_naming_our_product_is_used_with_longest_match(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Robots, "FlinkSearch").IsAllowed(path));

    [Theory]
    [InlineData("/private/secret", false)]
    [InlineData("/private/open", true)]
    [InlineData("/private/open/more", false)]
    [InlineData("/drafts/2", true)]
    public void Other_agents_fall_back_to_the_star_group(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Robots, "OtherCrawler").IsAllowed(path));

    [Fact]
    public void An_empty_file_allows_everything() => Assert.True(RobotsRules.Parse("", "FlinkSearch").IsAllowed("/anything"));
}
