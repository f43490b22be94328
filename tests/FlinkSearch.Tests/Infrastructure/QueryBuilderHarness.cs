using FlinkSearch.Kernel;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>A QueryBuilder over a data dir of its own, optionally with its own synonym sets, for tests of query shape.</summary>
public sealed class QueryBuilderHarness : IDisposable
{
    private readonly TempDataDirectory data = new(withSeed: false);

    public QueryBuilderHarness(params string[] synonymLines)
    {
        var dataDirectory = new DataDirectory(data.Root);
        if (synonymLines.Length > 0)
        {
            File.WriteAllLines(dataDirectory.SynonymsPath, synonymLines);
        }

        var synonyms = new SynonymDictionary(dataDirectory, TimeProvider.System, NullLogger<SynonymDictionary>.Instance);
        Builder = new QueryBuilder(Analysis, synonyms, new ConceptQueries(Analysis));
    }

    public TextAnalysis Analysis { get; } = new();

    public QueryBuilder Builder { get; }

    public void Dispose()
    {
        Analysis.Dispose();
        data.Dispose();
    }
}
