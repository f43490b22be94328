namespace FlinkSearch.Tests.Relevance;

public sealed class RankingMetricsTests
{
    [Fact]
    public void Reciprocal_rank_counts_the_first_hit_graded_two_or_more()
    {
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank([0, 1, 3, 2]), 6);
        Assert.Equal(0, RankingMetrics.ReciprocalRank([0, 1, 0]));
    }

    [Fact]
    public void Ideal_ordering_scores_one_and_a_reversed_one_less()
    {
        Assert.Equal(1.0, RankingMetrics.Ndcg([3, 2, 1], [1, 2, 3]), 6);
        Assert.InRange(RankingMetrics.Ndcg([1, 2, 3], [1, 2, 3]), 0.5, 0.99);
    }

    [Fact]
    public void Missing_relevant_articles_lower_ndcg()
    {
        Assert.InRange(RankingMetrics.Ndcg([3], [3, 3]), 0.5, 0.7);
    }
}
