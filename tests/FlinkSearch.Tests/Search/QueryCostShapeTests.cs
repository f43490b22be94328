using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Tests.Search;

/// <summary>
/// The candidate query, scored for every match, stays one posting list per concept and field: synonyms as one concept
/// token, no word positions in the catch-all; everything costlier waits for the ranking query, which sees only the best few.
/// </summary>
public sealed class QueryCostShapeTests : IDisposable
{
    private readonly QueryBuilderHarness harness = new(
        "窗口, window, windows, 开窗",
        "状态后端, state backend, state backends, StateBackend, 状态存储后端",
        "RocksDB, RocksDBStateBackend, rocksdb state backend");

    public void Dispose() => harness.Dispose();

    private static IEnumerable<Query> Leaves(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.SelectMany(clause => Leaves(clause.Query)),
        DisjunctionMaxQuery max => max.Disjuncts.SelectMany(Leaves),
        ConstantScoreQuery constant => Leaves(constant.Query),
        _ => [query],
    };

    private static IEnumerable<PhraseQuery> CatchAllPhrases(Query query) =>
        Leaves(query).OfType<PhraseQuery>().Where(phrase => phrase.GetTerms().Any(term => term.Field == IndexFields.All));

    [Fact]
    public void A_synonym_set_is_one_concept_token_per_field()
    {
        var terms = Leaves(harness.Build("窗口").Candidates).OfType<TermQuery>().Select(term => term.Term.ToString()).ToList();

        Assert.Equal(["all:⁂窗口", "title:⁂窗口"], terms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Forms_that_analyse_alike_are_searched_once_per_field_when_the_index_predates_the_synonyms()
    {
        // window and windows analyse to the same word: one clause per field, not two.
        var candidates = harness.Build("窗口", conceptTokens: false).Candidates;
        var window = Leaves(candidates).OfType<TermQuery>().Count(term => term.Term.Field == IndexFields.All && term.Term.Text == "window");

        Assert.Equal(1, window);
    }

    [Theory]
    [InlineData("状态后端")]
    [InlineData("RocksDB")]
    [InlineData("checkpoint 超时")]
    [InlineData("Flink 窗口 状态后端")]
    public void No_catch_all_word_positions_are_checked_by_the_candidate_query(string text)
    {
        Assert.Empty(CatchAllPhrases(harness.Build(text).Candidates));
    }

    [Fact]
    public void English_multi_word_forms_still_need_their_words_together_when_forms_are_searched_one_by_one()
    {
        var phrases = CatchAllPhrases(harness.Build("状态后端", conceptTokens: false).Candidates).Select(phrase => phrase.ToString()).ToList();

        Assert.Contains(phrases, phrase => phrase.Contains("state backend", StringComparison.Ordinal));
    }

    [Fact]
    public void Proximity_is_left_to_the_ranking_query()
    {
        var queries = harness.Build("checkpoint 超时");

        Assert.Contains(CatchAllPhrases(queries.Ranking!), phrase => phrase.ToString() == "all:\"checkpoint 超时\"~6");
        Assert.DoesNotContain(Leaves(harness.Build("checkpoint").Ranking!).OfType<PhraseQuery>(), phrase => phrase.GetTerms().Length > 1);
        Assert.Null(harness.Build("\"checkpoint 超时\"").Ranking);
    }

    [Fact]
    public void A_word_that_most_articles_carry_in_their_account_name_is_not_searched_there()
    {
        using var directory = new Lucene.Net.Store.RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.Version, harness.Analysis.Analyzer)))
        {
            for (var i = 0; i < 4; i++)
            {
                writer.AddDocument(ArticleDocumentMapper.ToDocument(new IndexableArticle(
                    $"a{i}", $"https://example.com/{i}", $"标题 {i}", ["窗口"], null, "test", i, ArticleStatus.Ok, "正文", $"作者{i}", "Flink 中文社区")));
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var queries = harness.Build("flink", reader);
        var fields = Leaves(queries.Candidates).Concat(Leaves(queries.Ranking!)).OfType<TermQuery>().Select(term => term.Term.Field).ToHashSet();

        Assert.DoesNotContain(IndexFields.Account, fields);
        Assert.Contains(IndexFields.Title, fields);
        Assert.Contains(IndexFields.All, fields);
    }
}
