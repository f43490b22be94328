using System.Globalization;
using FlinkSearch.Indexing;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>Six articles that all match "flink", from three accounts or none, with publishing dates or none.</summary>
public static class DatedArticles
{
    public const string Community = "Flink 中文社区";
    public const string BigData = "大数据技术";
    public const string Realtime = "实时计算";

    public static IndexableArticle[] All { get; } =
    [
        Article("spring", "Flink 窗口入门", "窗口", Community, "2024-03-01T02:00:00Z"),
        // 01:00 on 1 January 2024 in China, still 2023 in UTC: the date filter goes by China time.
        Article("newyear", "Flink 窗口与水位线", "窗口", Community, "2023-12-31T17:00:00Z"),
        Article("may", "Flink 状态后端", "状态", BigData, "2024-05-20T00:00:00Z"),
        Article("undated", "Flink 窗口的触发器", "窗口", BigData, null),
        Article("anonymous", "Flink Flink 状态与 Checkpoint", "状态", null, null),
        Article("old", "Flink 窗口函数", "窗口", Realtime, "2022-06-01T04:00:00Z"),
    ];

    /// <summary>The title of the article with that id.</summary>
    public static string Title(string id) => All.Single(article => article.Id == id).Title;

    private static IndexableArticle Article(string id, string title, string section, string? account, string? published) =>
        new(id, $"https://example.com/{id}", title, [section], null, "test", 1, ArticleStatus.Ok,
            Body: $"{title}：Flink 文章正文，讲{section}。", Account: account,
            PublishedAt: published is null ? null : DateTimeOffset.Parse(published, CultureInfo.InvariantCulture));
}
