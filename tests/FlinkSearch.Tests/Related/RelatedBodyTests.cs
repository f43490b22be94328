using FlinkSearch.Indexing;
using FlinkSearch.Related;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Related;

/// <summary>Related articles by their crawled bodies, through an index built the way the indexer builds it.</summary>
public sealed class RelatedBodyTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Articles_whose_titles_say_nothing_are_related_by_what_their_bodies_are_about()
    {
        // One section and titles without a topic: only the bodies can tell the windows from the checkpoints and the rest.
        var response = await RelatedOver("w1",
            Article("w1", "笔记一", "滚动窗口把数据流切成不重叠的窗口。窗口函数在窗口关闭时计算。水位线推动窗口触发。"),
            Article("c1", "笔记二", "检查点保存算子状态。检查点屏障在数据流中流动，屏障对齐后快照状态。状态后端保存快照。"),
            Article("w2", "笔记三", "滑动窗口的窗口之间可以重叠。窗口函数与触发器决定窗口何时输出。窗口分配器分配元素。"),
            Article("c2", "笔记四", "增量检查点只保存变化的状态。检查点间隔和超时可以配置。屏障与快照是检查点的核心。"),
            Article("w3", "笔记五", "会话窗口按间隙切分窗口。窗口合并后窗口函数再计算。"),
            Article("k1", "笔记六", "Kafka 的分区决定并行度。消费者组读取分区，Kafka 保存偏移量。"),
            Article("r1", "笔记七", "重启策略决定作业失败后如何重启。固定延迟重启会等待后重启。"),
            Article("j1", "笔记八", "双流 Join 把两个流按键连接。Interval Join 按时间范围连接。"),
            Article("p1", "笔记九", "分区器决定数据发往哪个下游。Rebalance 轮询分区，Rescale 局部分区。"));

        Assert.Equal("w1", response.Id);
        Assert.Equal(["w2", "w3"], response.Hits.Select(hit => hit.Id).Order());
        Assert.StartsWith("滑动窗口的窗口之间可以重叠。", response.Hits.Single(hit => hit.Id == "w2").Snippet, StringComparison.Ordinal);
    }

    private static async Task<RelatedResult> RelatedOver(string id, params IndexableArticle[] articles)
    {
        using var data = new TempDataDirectory(withSeed: false);
        await BuiltIndex.WriteAsync(data, articles);

        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(Cancellation);
        return await FlinkSearchApp.GetJsonAsync<RelatedResult>(client, $"/articles/{id}/related?size=5", Cancellation);
    }

    private static IndexableArticle Article(string id, string title, string body) =>
        new(id, $"https://example.com/{id}", title, ["笔记"], null, "test", 1, ArticleStatus.Ok, body);
}
