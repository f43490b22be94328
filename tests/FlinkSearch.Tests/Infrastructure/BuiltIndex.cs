using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>Puts articles with bodies into a data dir's index the way the indexer does, without a crawl.</summary>
public static class BuiltIndex
{
    public static Task WriteAsync(TempDataDirectory data, params IndexableArticle[] articles) => BuildAsync(data, articles);

    /// <summary>
    /// One build with the app's IndexBuilder: incremental from the current generation unless <paramref name="full"/>;
    /// <paramref name="openDirectory"/> and <paramref name="settings"/> as the app's <see cref="IndexGenerations"/> and <c>Index</c> section take them.
    /// </summary>
    public static async Task<IndexMetadata> BuildAsync(
        TempDataDirectory data, IReadOnlyList<IndexableArticle> articles, bool full = false,
        Func<string, Lucene.Net.Store.Directory>? openDirectory = null, IndexSettings? settings = null)
    {
        using var analysis = new TextAnalysis();
        var directory = new DataDirectory(data.Root);
        var generations = new IndexGenerations(directory, TimeProvider.System, openDirectory);
        var synonyms = new SynonymDictionary(directory, TimeProvider.System, NullLogger<SynonymDictionary>.Instance);
        var freeSpace = new FreeSpaceGuard(generations, Options.Create(settings ?? new IndexSettings()));
        var builder = new IndexBuilder(generations, freeSpace, analysis, synonyms, TimeProvider.System, NullLogger<IndexBuilder>.Instance);
        return await builder.BuildAsync(articles, TestContext.Current.CancellationToken, full: full);
    }

    /// <summary>Articles with bodies of about <paramref name="bodyChars"/> characters; <paramref name="changed"/> of the first ones get a different body.</summary>
    public static List<IndexableArticle> Articles(int count, int bodyChars = 1500, int changed = 0) =>
    [
        .. Enumerable.Range(1, count).Select(i => new IndexableArticle(
            $"a{i}", $"https://example.org/{i}", $"文章 {i}：Flink 的检查点", ["容错"], null, "list", i, ArticleStatus.Ok,
            Body: Body(i, bodyChars) + (i <= changed ? "改过的一句。" : ""), Author: "作者", Account: "公众号")),
    ];

    private static string Body(int seed, int chars)
    {
        var random = new Random(seed);
        var body = new System.Text.StringBuilder(chars + 40);
        while (body.Length < chars)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"第{seed}篇 checkpoint{random.Next(100_000)} 水位线{random.Next(1000)} 窗口与状态。");
        }

        return body.ToString();
    }
}
