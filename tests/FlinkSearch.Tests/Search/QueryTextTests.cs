using FlinkSearch.Search;

namespace FlinkSearch.Tests.Search;

public sealed class QueryTextTests
{
    [Theory]
    [InlineData("  Checkpoint ", "checkpoint")]
    [InlineData("Exactly  Once\u3000语义", "exactly once 语义")]
    [InlineData("ＣＨＥＣＫＰＯＩＮＴ１", "checkpoint1")]
    [InlineData("檢查點", "檢查點")]
    public void Plain_words_fold_case_width_and_spacing(string typed, string normalised)
    {
        Assert.Equal(normalised, QueryText.Normalize(typed));
    }

    [Theory]
    [InlineData(" flink  AND State ", "flink AND State")]
    [InlineData("Title:\"Flink\"", "Title:\"Flink\"")]
    [InlineData("Exactly-Once", "Exactly-Once")]
    [InlineData("（Flink）", "（flink）")]
    public void Text_that_may_be_query_syntax_keeps_its_case(string typed, string normalised)
    {
        Assert.Equal(normalised, QueryText.Normalize(typed));
    }
}
