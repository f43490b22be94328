using FlinkSearch.Search;

namespace FlinkSearch.Tests.Search;

public sealed class QueryBuilderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    [InlineData(10, 6)]
    public void Most_concepts_of_a_query_are_required(int concepts, int required)
    {
        Assert.Equal(required, QueryBuilder.MinimumToMatch(concepts));
    }

    [Theory]
    [InlineData("checkpiont", "checkpoint", 1)]
    [InlineData("watermrak", "watermark", 1)]
    [InlineData("chekpoint", "checkpoint", 1)]
    [InlineData("kafka", "flink", 5)]
    public void Edit_distance_counts_a_transposition_as_one_edit(string a, string b, int distance)
    {
        Assert.Equal(distance, SpellingCorrector.EditDistance(a, b));
    }
}
