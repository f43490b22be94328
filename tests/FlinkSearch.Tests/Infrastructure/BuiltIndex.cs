using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>Puts articles with bodies into a data dir's index the way the indexer does, without a crawl.</summary>
public static class BuiltIndex
{
    public static Task WriteAsync(TempDataDirectory data, params IndexableArticle[] articles) => BuildAsync(data, articles);

    /// <summary>One build with the app's IndexBuilder: incremental from the current generation unless <paramref name="full"/>.</summary>
    public static async Task<IndexMetadata> BuildAsync(TempDataDirectory data, IReadOnlyList<IndexableArticle> articles, bool full = false)
    {
        using var analysis = new TextAnalysis();
        var directory = new DataDirectory(data.Root);
        var generations = new IndexGenerations(directory, TimeProvider.System);
        var synonyms = new SynonymDictionary(directory, TimeProvider.System, NullLogger<SynonymDictionary>.Instance);
        var builder = new IndexBuilder(generations, analysis, synonyms, TimeProvider.System, NullLogger<IndexBuilder>.Instance);
        return await builder.BuildAsync(articles, TestContext.Current.CancellationToken, full: full);
    }
}
