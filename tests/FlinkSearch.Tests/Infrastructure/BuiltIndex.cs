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
        var directory = new DataDirectory(data.Root);
        var generations = new IndexGenerations(directory, TimeProvider.System);
        var synonyms = new SynonymDictionary(directory, TimeProvider.System, NullLogger<SynonymDictionary>.Instance);
        var builder = new IndexBuilder(generations, analysis, synonyms, TimeProvider.System, NullLogger<IndexBuilder>.Instance);
        await builder.BuildAsync(articles, TestContext.Current.CancellationToken);
    }
}
