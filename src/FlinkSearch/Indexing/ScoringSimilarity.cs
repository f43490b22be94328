using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace FlinkSearch.Indexing;

/// <summary>
/// Lucene's TF-IDF, with two changes. No query normalisation (nor coordination): a search's candidate and ranking
/// passes are separate queries, and normalising each by its own weights would put their scores on different scales
/// before they are added up. And in the short fields (title, sections, note, names) a word counts once: a title that
/// says both 时间窗口 and Time Window is not twice as much about it (with synonyms as one concept token, it would be).
/// </summary>
public sealed class ScoringSimilarity : PerFieldSimilarityWrapper
{
    private static readonly DefaultSimilarity Counted = new();
    private static readonly PresenceSimilarity Present = new();

    public override Similarity Get(string name) => name is IndexFields.All or IndexFields.AllGrams ? Counted : Present;

    private sealed class PresenceSimilarity : DefaultSimilarity
    {
        public override float Tf(float freq) => freq > 0 ? 1f : 0f;
    }
}

/// <summary>Every searcher of a generation scores with <see cref="ScoringSimilarity"/>.</summary>
public sealed class ScoringSearcherFactory : SearcherFactory
{
    private static readonly ScoringSimilarity Similarity = new();

    public override IndexSearcher NewSearcher(Lucene.Net.Index.IndexReader reader) => new(reader) { Similarity = Similarity };
}
