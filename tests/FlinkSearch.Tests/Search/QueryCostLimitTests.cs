using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;
using Lucene.Net.Search;

namespace FlinkSearch.Tests.Search;

public sealed class QueryCostLimitTests : IDisposable
{
    private readonly QueryBuilderHarness harness = new();

    public void Dispose() => harness.Dispose();

    private Query Build(string text) => harness.Build(text).Candidates;

    private static int Count<T>(Query query) where T : Query => query switch
    {
        T => 1,
        BooleanQuery boolean => boolean.Clauses.Sum(clause => Count<T>(clause.Query)),
        _ => 0,
    };

    [Fact]
    public void A_short_fuzzy_term_stays_fuzzy()
    {
        Assert.True(Count<FuzzyQuery>(Build("checkpoint~")) > 0);
    }

    [Fact]
    public void A_long_fuzzy_term_is_searched_as_typed()
    {
        Assert.Equal(0, Count<FuzzyQuery>(Build(new string('x', QueryPlanner.MaxExpensiveTermLength + 1) + "~")));
    }

    [Fact]
    public void Only_the_first_few_fuzzy_terms_stay_fuzzy()
    {
        var query = Build(string.Join(' ', Enumerable.Repeat("checkpoint~", 10)));

        Assert.Equal(QueryPlanner.MaxExpensiveTerms * QueryPlanner.SyntaxFields(RankingWeights.Default).Count, Count<FuzzyQuery>(query));
    }

    [Fact]
    public void A_wildcard_term_with_many_wildcards_is_searched_as_typed()
    {
        Assert.True(Count<WildcardQuery>(Build("ch?ck*")) > 0);
        Assert.Equal(0, Count<WildcardQuery>(Build("c*e*c*k*p*o*i*n*t")));
    }

    [Theory]
    [InlineData("?*?*?*?*")]
    [InlineData("*********~")]
    [InlineData("????????????????????~")]
    public void Terms_of_wildcards_alone_never_leave_an_empty_clause(string text)
    {
        Assert.All(Flatten(Build(text)), Assert.NotNull);
    }

    private static IEnumerable<Query?> Flatten(Query? query) => query is BooleanQuery boolean
        ? boolean.Clauses.SelectMany(clause => Flatten(clause.Query))
        : [query];
}
