using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Search;

/// <summary>Why a hit matched shows: a synonym or a folded form found is marked in the title and the snippet alike.</summary>
public sealed class SynonymMarkTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("检查点")]
    [InlineData("檢查點")]
    public async Task A_chinese_query_marks_the_english_word_it_stands_for_in_title_and_snippet(string query)
    {
        var response = await SearchOver(query,
            Article("a", "How Checkpoints work", "Flink takes a Checkpoint of every operator's state at regular intervals. The barrier flows with the records."),
            Article("b", "Kafka 分区", "Kafka 的分区决定并行度。消费者组读取分区。"));

        var hit = Assert.Single(response.Hits);
        Assert.Equal("How <mark>Checkpoints</mark> work", hit.Title);
        Assert.Contains("<mark>Checkpoint</mark> of every operator", hit.Snippet, StringComparison.Ordinal);
    }

    private static async Task<SearchResponse> SearchOver(string query, params IndexableArticle[] articles)
    {
        using var data = new TempDataDirectory(withSeed: false);
        File.Copy(Path.Combine(RepositoryPaths.Root, "index-data", "synonyms.txt"), Path.Combine(data.Root, "synonyms.txt"));
        await BuiltIndex.WriteAsync(data, articles);

        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(Cancellation);
        return await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=" + Uri.EscapeDataString(query), Cancellation);
    }

    private static IndexableArticle Article(string id, string title, string body) =>
        new(id, $"https://example.com/{id}", title, ["笔记"], null, "test", 1, ArticleStatus.Ok, body);
}
