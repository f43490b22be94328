using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>Adds the ranking query's score to each candidate's (both unnormalised TF-IDF, see ScoringSimilarity).</summary>
public sealed class RankingRescorer(Query ranking) : QueryRescorer(ranking)
{
    protected override float Combine(float firstPassScore, bool secondPassMatches, float secondPassScore) =>
        secondPassMatches ? firstPassScore + secondPassScore : firstPassScore;
}
