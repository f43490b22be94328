using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Search;

/// <summary>Snippets of crawled bodies, served from an index built the way the indexer builds it.</summary>
public sealed class SnippetTests
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("流处理作业在集群上持续运行，算子之间交换数据。", 30));

    [Fact]
    public async Task Body_snippet_marks_the_term_and_stays_short()
    {
        using var data = new TempDataDirectory(withSeed: false);
        await BuiltIndex.WriteAsync(data, Article("a1", "容错机制", Filler + "Flink 通过 Checkpoint 保证状态的一致性。" + Filler));
        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(TestContext.Current.CancellationToken);

        var response = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=checkpoint", TestContext.Current.CancellationToken);

        var snippet = Assert.Single(response.Hits).Snippet;
        Assert.Contains("<mark>Checkpoint</mark>", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < 2 * (MarkedText.SnippetLength + 40), $"snippet of {snippet.Length} chars: {snippet}");
    }

    [Fact]
    public async Task Markup_in_a_body_is_escaped_in_the_snippet()
    {
        using var data = new TempDataDirectory(withSeed: false);
        await BuiltIndex.WriteAsync(data, Article("a1", "安全", "正文 <script>alert(1)</script> Watermark & <b>水印</b> 结束"));
        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(TestContext.Current.CancellationToken);

        var response = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=watermark", TestContext.Current.CancellationToken);

        var snippet = Assert.Single(response.Hits).Snippet;
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Watermark</mark> &amp; &lt;b&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
    }

    private static IndexableArticle Article(string id, string title, string body) =>
        new(id, $"https://example.com/{id}", title, ["容错"], null, "test", 1, ArticleStatus.Ok, body);
}
