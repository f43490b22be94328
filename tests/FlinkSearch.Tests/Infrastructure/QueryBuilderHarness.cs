using FlinkSearch.Kernel;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>A QueryPlanner and QueryBuilder over a data dir of its own, optionally with its own synonym sets, for tests of query shape.</summary>
public sealed class QueryBuilderHarness : IDisposable
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly MultiReader empty = new();

    public QueryBuilderHarness(params string[] synonymLines)
    {
        var dataDirectory = new DataDirectory(data.Root);
        if (synonymLines.Length > 0)
        {
            File.WriteAllLines(dataDirectory.SynonymsPath, synonymLines);
        }

        Synonyms = new SynonymDictionary(dataDirectory, TimeProvider.System, NullLogger<SynonymDictionary>.Instance);
        var weights = Options.Create(RankingWeights.Default);
        Planner = new QueryPlanner(Analysis, Synonyms, weights);
        Builder = new QueryBuilder(weights);
    }

    public TextAnalysis Analysis { get; } = new();

    public SynonymDictionary Synonyms { get; }

    public QueryPlanner Planner { get; }

    public QueryBuilder Builder { get; }

    /// <summary>
    /// The queries for <paramref name="text"/> against <paramref name="reader"/> (an empty one by default), as for an
    /// index built with the current synonyms (concept tokens) or, with <paramref name="conceptTokens"/> false, one built before them.
    /// </summary>
    public SearchQueries Build(string text, IndexReader? reader = null, bool conceptTokens = true) =>
        Builder.Build(Planner.Plan(text), reader ?? empty, conceptTokens ? Synonyms.Current.Version : null);

    public void Dispose()
    {
        empty.Dispose();
        Analysis.Dispose();
        data.Dispose();
    }
}
