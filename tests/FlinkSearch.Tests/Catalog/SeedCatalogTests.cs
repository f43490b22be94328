using FlinkSearch.Catalog;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Catalog;

public sealed class SeedCatalogTests
{
    private static SourceCatalog LoadSeed(out List<SourceWarning> warnings)
    {
        warnings = [];
        var list = SourceListParser.Parse("sources/flink.md", File.ReadAllText(RepositoryPaths.SeedList), warnings);
        return SourceCatalog.Merge([list], warnings);
    }

    [Fact]
    public void Seed_yields_100_unique_articles_in_11_sections()
    {
        var catalog = LoadSeed(out _);

        Assert.Equal(100, catalog.Entries.Count);
        Assert.Equal(100, catalog.Entries.Select(e => e.Id).Distinct().Count());
        Assert.Equal(
            ["Flink 介绍", "窗口", "State&Checkpoint", "精确一致性", "重启", "Join", "分区策略", "function", "connector", "Ingemar 系列文章", "operator chain"],
            catalog.SectionNames.ToArray());
    }

    [Fact]
    public void Section_sizes_match_the_seed()
    {
        var catalog = LoadSeed(out _);
        var sizes = catalog.Entries.GroupBy(e => e.Section).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(5, sizes["Flink 介绍"]);
        Assert.Equal(13, sizes["窗口"]);
        Assert.Equal(36, sizes["State&Checkpoint"]);
        Assert.Equal(7, sizes["Join"]);
        Assert.Equal(2, sizes["operator chain"]);
    }

    [Fact]
    public void Front_matter_gives_list_id_and_title()
    {
        var list = SourceListParser.Parse("sources/flink.md", File.ReadAllText(RepositoryPaths.SeedList), []);

        Assert.Equal("flink", list.Id);
        Assert.Equal("Flink", list.Title);
        Assert.Equal(1, list.Order);
    }

    [Theory]
    [InlineData("2个案例带你彻底搞懂[会话窗口]的计算实现")]
    [InlineData("一个案例彻底掌握Window Join[附详细代码]")]
    [InlineData("『exactly-once』和『End-to-End Exactly-Once』的区别是什么？")]
    public void Titles_with_brackets_are_kept_whole(string title)
    {
        var catalog = LoadSeed(out _);

        Assert.Contains(catalog.Entries, e => e.Title == title);
    }

    [Fact]
    public void Text_after_a_link_becomes_its_note()
    {
        var catalog = LoadSeed(out _);
        var entry = catalog.Entries.Single(e => e.Title == "Flink架构体系 | Flink中的重要角色解析");

        Assert.Equal("资源提供者，部署模式，部署流程", entry.Note);
        Assert.Equal("Ingemar 系列文章", entry.Section);
    }

    [Fact]
    public void Captions_inside_a_section_are_not_sections_and_link_less_items_warn()
    {
        var catalog = LoadSeed(out var warnings);

        Assert.DoesNotContain("join 的分类", catalog.SectionNames);
        Assert.DoesNotContain("文章介绍", catalog.SectionNames);
        Assert.Equal(3, warnings.Count(w => w.Message.Contains("without a link", StringComparison.Ordinal)));
        Assert.All(warnings, w => Assert.Equal("sources/flink.md", w.Path));
        Assert.Contains(warnings, w => w.Line == 92);
    }

    [Fact]
    public void Positions_follow_the_list_order()
    {
        var catalog = LoadSeed(out _);

        Assert.Equal(Enumerable.Range(1, 100), catalog.Entries.Select(e => e.Position));
        Assert.Equal("因为不懂 Flink on K8S 类加载机制，引发了线上事故。(建议收藏)", catalog.Entries[0].Title);
    }
}
