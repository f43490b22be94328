using FlinkSearch.Kernel;
using FlinkSearch.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>Puts articles with bodies into a data dir's index the way the indexer does, without a crawl.</summary>
public static class BuiltIndex
{
    public static async Task WriteAsync(TempDataDirectory data, params IndexableArticle[] articles)
    {
        using var analysis = new TextAnalysis();
        var generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);
        var builder = new IndexBuilder(generations, analysis, TimeProvider.System, NullLogger<IndexBuilder>.Instance);
        await builder.BuildAsync(articles, TestContext.Current.CancellationToken);
    }
}
