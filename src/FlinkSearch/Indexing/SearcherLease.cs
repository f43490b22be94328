using Lucene.Net.Search;

namespace FlinkSearch.Indexing;

/// <summary>A searcher of one generation, held for the length of one request; every hit of a response comes from it.</summary>
public readonly struct SearcherLease : IDisposable
{
    private readonly OpenGeneration generation;

    internal SearcherLease(OpenGeneration generation)
    {
        this.generation = generation;
        Searcher = generation.Searcher;
    }

    public IndexSearcher Searcher { get; }
    public IndexMetadata Metadata => generation.Metadata;

    public void Dispose()
    {
        generation.Release();
    }
}
