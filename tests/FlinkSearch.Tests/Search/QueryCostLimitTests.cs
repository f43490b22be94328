using FlinkSearch.Hosting;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Tests.Search;

public sealed class QueryCostLimitTests : IDisposable
{
    private readonly TextAnalysis analysis = new();
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly QueryBuilder builder;

    public QueryCostLimitTests()
    {
        var synonyms = new SynonymDictionary(new DataDirectory(data.Root), TimeProvider.System, NullLogger<SynonymDictionary>.Instance);
        builder = new QueryBuilder(analysis, synonyms, new ConceptQueries(analysis));
    }

    public void Dispose()
    {
        analysis.Dispose();
        data.Dispose();
    }

    private static int Count<T>(Query query) where T : Query => query switch
    {
        T => 1,
        BooleanQuery boolean => boolean.Clauses.Sum(clause => Count<T>(clause.Query)),
        _ => 0,
    };

    [Fact]
    public void A_short_fuzzy_term_stays_fuzzy()
    {
        Assert.True(Count<FuzzyQuery>(builder.Build("checkpoint~")) > 0);
    }

    [Fact]
    public void A_long_fuzzy_term_is_searched_as_typed()
    {
        Assert.Equal(0, Count<FuzzyQuery>(builder.Build(new string('x', QueryBuilder.MaxExpensiveTermLength + 1) + "~")));
    }

    [Fact]
    public void Only_the_first_few_fuzzy_terms_stay_fuzzy()
    {
        var query = builder.Build(string.Join(' ', Enumerable.Repeat("checkpoint~", 10)));

        Assert.Equal(QueryBuilder.MaxExpensiveTerms * 6, Count<FuzzyQuery>(query));
    }

    [Fact]
    public void A_wildcard_term_with_many_wildcards_is_searched_as_typed()
    {
        Assert.True(Count<WildcardQuery>(builder.Build("ch?ck*")) > 0);
        Assert.Equal(0, Count<WildcardQuery>(builder.Build("c*e*c*k*p*o*i*n*t")));
    }

    [Theory]
    [InlineData("?*?*?*?*")]
    [InlineData("*********~")]
    [InlineData("????????????????????~")]
    public void Terms_of_wildcards_alone_never_leave_an_empty_clause(string text)
    {
        Assert.All(Flatten(builder.Build(text)), Assert.NotNull);
    }

    private static IEnumerable<Query?> Flatten(Query? query) => query is BooleanQuery boolean
        ? boolean.Clauses.SelectMany(clause => Flatten(clause.Query))
        : [query];
}
