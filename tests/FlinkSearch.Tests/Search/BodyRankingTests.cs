using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Search;

/// <summary>Ranking by crawled bodies, through an index built the way the indexer builds it.</summary>
public sealed class BodyRankingTests
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("流处理作业在集群上持续运行，算子之间交换数据。", 20));

    [Fact]
    public async Task A_body_with_the_words_together_ranks_above_one_with_them_apart()
    {
        // Same words, same counts, same length: only the distance between them differs. The apart article comes
        // first in the index, so without the proximity boost it would win the tie.
        var response = await SearchOver("kafka 消费",
            Article("apart", "数据接入", "Kafka " + Filler + " 消费"),
            Article("together", "数据接入", Filler + " Kafka 消费"));

        Assert.Equal(["together", "apart"], response.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task Pages_of_a_rescored_result_neither_repeat_nor_skip_hits()
    {
        var articles = Enumerable.Range(0, 25)
            .Select(i => Article($"a{i:D2}", "数据接入", i % 3 == 0 ? Filler + " Kafka 消费" : "Kafka " + Filler[..(i * 7)] + " 消费"))
            .ToArray();

        var pages = new List<SearchResponse>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await SearchOver("kafka 消费", page, articles));
        }

        var ids = pages.SelectMany(page => page.Hits).Select(hit => hit.Id).ToList();
        Assert.All(pages, page => Assert.Equal(25, page.Total));
        Assert.Equal(25, ids.Distinct().Count());
        Assert.Equal(25, ids.Count);
        var scores = pages.SelectMany(page => page.Hits).Select(hit => hit.Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    private static Task<SearchResponse> SearchOver(string query, params IndexableArticle[] articles) => SearchOver(query, 1, articles);

    private static async Task<SearchResponse> SearchOver(string query, int page, params IndexableArticle[] articles)
    {
        using var data = new TempDataDirectory(withSeed: false);
        await BuiltIndex.WriteAsync(data, articles);

        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(TestContext.Current.CancellationToken);
        return await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, $"/search?q={Uri.EscapeDataString(query)}&page={page}&size=10",
            TestContext.Current.CancellationToken);
    }

    private static IndexableArticle Article(string id, string title, string body) =>
        new(id, $"https://example.com/{id}", title, ["接入"], null, "test", 1, ArticleStatus.Ok, body);
}
