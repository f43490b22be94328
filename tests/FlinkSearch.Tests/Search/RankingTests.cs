using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Search;

/// <summary>Ranking and matching behaviour over small hand-made catalogs, each in a data dir of its own.</summary>
public sealed class RankingTests
{
    private static async Task<SearchResponse> SearchOver(string markdown, string query)
    {
        using var data = new TempDataDirectory(withSeed: false);
        data.WriteSource("test.md", markdown);
        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(TestContext.Current.CancellationToken);
        return await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);
    }

    private static string Plain(string html) => html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);

    [Fact]
    public async Task Tumbling_window_articles_rank_above_articles_that_mention_both_words_apart()
    {
        var response = await SearchOver("""
            ## 窗口
            * [滚动升级时如何缩短窗口期](https://example.com/apart)
            * [Flink 滚动窗口详解](https://example.com/together)
            """, "滚动窗口");

        Assert.Equal("Flink 滚动窗口详解", Plain(response.Hits[0].Title));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_note_match()
    {
        var response = await SearchOver("""
            ## 连接器
            * [数据写入外部系统](https://example.com/note) 以 Redis 为例
            * [Redis 连接器](https://example.com/title)
            """, "redis");

        Assert.Equal(["https://example.com/title", "https://example.com/note"], response.Hits.Select(hit => hit.Url));
    }

    [Fact]
    public async Task Most_words_of_a_long_query_are_required()
    {
        var response = await SearchOver("""
            ## 状态
            * [状态后端与检查点的配置](https://example.com/all)
            * [状态的类型](https://example.com/one)
            """, "状态后端 检查点 配置");

        Assert.Equal(["状态后端与检查点的配置"], response.Hits.Select(hit => Plain(hit.Title)));
    }

    [Fact]
    public async Task An_english_function_word_is_not_one_of_the_words_a_hit_needs()
    {
        var response = await SearchOver("""
            ## 部署
            * [Flink on YARN 部署](https://example.com/yarn)
            * [K8S 部署实践](https://example.com/k8s)
            * [Standalone 集群搭建](https://example.com/standalone)
            * [高可用配置](https://example.com/ha)
            * [作业提交流程](https://example.com/submit)
            """, "on K8S 部署");

        // The YARN page has "on" and 部署: it may follow as a page with some of the words, never lead.
        Assert.Equal("https://example.com/k8s", response.Hits[0].Url);
    }

    [Fact]
    public async Task When_few_pages_have_every_word_the_pages_with_some_of_them_follow()
    {
        var response = await SearchOver("""
            ## 连接
            * [Redis 写入的三种方式](https://example.com/some)
            * [Flink 写入 Redis 的批量模式](https://example.com/all)
            * [HBase 读取详解](https://example.com/none)
            """, "批量 redis");

        Assert.Equal(["https://example.com/all", "https://example.com/some"], response.Hits.Select(hit => hit.Url));
    }

    [Fact]
    public async Task Words_close_together_rank_above_the_same_words_far_apart()
    {
        var response = await SearchOver("""
            ## 连接
            * [Kafka 的使用经验与 Flink 写入 Redis 的方式](https://example.com/far)
            * [Flink Redis 写入详解](https://example.com/near)
            """, "redis 写入");

        Assert.Equal("Flink Redis 写入详解", Plain(response.Hits[0].Title));
    }

    [Fact]
    public async Task A_chinese_substring_is_found_but_below_exact_words()
    {
        const string catalog = """
            ## 算子
            * [计算子任务的划分](https://example.com/substring)
            * [常用算子介绍](https://example.com/word)
            """;

        var response = await SearchOver(catalog, "算子");

        Assert.Equal(["常用算子介绍", "计算子任务的划分"], response.Hits.Select(hit => Plain(hit.Title)));
    }

    [Theory]
    [InlineData("CheckpointCoordinator", "https://example.com/coordinator")]
    [InlineData("coordinator", "https://example.com/coordinator")]
    [InlineData("checkpoint coordinator", "https://example.com/coordinator")]
    [InlineData("TwoPhaseCommitSinkFunction", "https://example.com/two-phase")]
    [InlineData("sink function", "https://example.com/two-phase")]
    [InlineData("key by", "https://example.com/keyby")]
    [InlineData("keyby", "https://example.com/keyby")]
    [InlineData("elastic", "https://example.com/elastic")]
    public async Task Identifiers_are_found_whole_and_by_their_camel_case_parts(string query, string url)
    {
        var response = await SearchOver("""
            ## 源码
            * [CheckpointCoordinator 源码解析](https://example.com/coordinator)
            * [TwoPhaseCommitSinkFunction 的实现](https://example.com/two-phase)
            * [keyBy 之后的数据分布](https://example.com/keyby)
            * [elastic scaling 弹性扩缩容](https://example.com/elastic)
            """, query);

        Assert.Equal(url, response.Hits.FirstOrDefault()?.Url);
    }

    [Fact]
    public async Task Domain_terms_match_whole_rather_than_character_by_character()
    {
        var response = await SearchOver("""
            ## 链
            * [算子链的原理](https://example.com/chain)
            * [计算子集的链表](https://example.com/scattered)
            """, "算子链");

        Assert.Equal(["https://example.com/chain"], response.Hits.Select(hit => hit.Url));
    }
}
