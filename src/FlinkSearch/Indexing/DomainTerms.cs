using System.Collections.Frozen;

namespace FlinkSearch.Indexing;

/// <summary>
/// Chinese Flink terms that SmartCn (which has no user dictionary) would split into pieces. The tokenizer keeps each
/// one as a whole token, followed by its pieces as parts. It serves index and query alike, so a change here needs a
/// reindex, unlike <c>synonyms.txt</c>.
/// </summary>
public static class DomainTerms
{
    public static readonly FrozenSet<string> All = FrozenSet.ToFrozenSet(
    [
        "检查点", "保存点", "快照", "屏障", "栅栏", "状态后端", "状态过期", "有状态", "无状态", "键控状态", "算子状态", "广播状态",
        "广播变量", "累加器", "分布式缓存", "水位线", "水印", "事件时间", "处理时间", "摄入时间", "乱序", "迟到数据", "延迟数据",
        "侧输出", "侧输出流", "侧流", "旁路输出", "精确一次", "至少一次", "最多一次", "端到端", "两阶段提交", "预提交",
        "幂等写入", "事务写入", "滚动窗口", "滑动窗口", "会话窗口", "全局窗口", "计数窗口", "时间窗口", "窗口函数",
        "触发器", "驱逐器", "允许延迟", "增量聚合", "全量聚合", "聚合函数", "处理函数", "定时器", "重启策略", "固定延迟",
        "失败率", "故障恢复", "双流", "区间连接", "窗口连接", "维表", "分区器", "分区策略", "物理分区", "重分区", "数据倾斜",
        "算子链", "任务链", "操作链", "槽共享", "任务槽", "作业管理器", "任务管理器", "资源管理器", "分发器", "运行时",
        "任务调度", "反压", "背压", "流批一体", "批处理", "流处理", "数据流", "类加载", "序列化", "反序列化", "连接器",
        "消费者", "生产者", "数据源", "数据汇", "并行度", "吞吐量", "增量快照", "全量快照", "压缩过滤器", "过期数据",
    ], StringComparer.Ordinal);

    public static int LongestLength { get; } = All.Max(term => term.Length);
}
