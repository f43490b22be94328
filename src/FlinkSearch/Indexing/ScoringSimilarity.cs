using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace FlinkSearch.Indexing;

/// <summary>
/// Lucene's TF-IDF without the query normalisation: a search's candidate and ranking passes are separate queries, and
/// normalising each by its own weights would put their scores on different scales before they are added up.
/// </summary>
public sealed class ScoringSimilarity : DefaultSimilarity
{
    public override float QueryNorm(float sumOfSquaredWeights) => 1f;
}

/// <summary>Every searcher of a generation scores with <see cref="ScoringSimilarity"/>.</summary>
public sealed class ScoringSearcherFactory : SearcherFactory
{
    private static readonly ScoringSimilarity Similarity = new();

    public override IndexSearcher NewSearcher(Lucene.Net.Index.IndexReader reader) => new(reader) { Similarity = Similarity };
}
