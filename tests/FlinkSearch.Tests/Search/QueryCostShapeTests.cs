using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Tests.Search;

/// <summary>The relevance query leaves out work that costs a pass over most articles without changing which ones match.</summary>
public sealed class QueryCostShapeTests : IDisposable
{
    private readonly QueryBuilderHarness harness = new(
        "窗口, window, windows, 开窗",
        "状态后端, state backend, state backends, StateBackend, 状态存储后端",
        "RocksDB, RocksDBStateBackend, rocksdb state backend");

    private QueryBuilder Builder => harness.Builder;

    public void Dispose() => harness.Dispose();

    private static IEnumerable<Query> Leaves(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.SelectMany(clause => Leaves(clause.Query)),
        DisjunctionMaxQuery max => max.Disjuncts.SelectMany(Leaves),
        _ => [query],
    };

    private static IEnumerable<PhraseQuery> BodyPhrases(Query query) =>
        Leaves(query).OfType<PhraseQuery>().Where(phrase => phrase.GetTerms().Any(term => term.Field == IndexFields.Body));

    [Fact]
    public void Forms_that_analyse_alike_are_searched_once_per_field()
    {
        // window and windows analyse to the same word: one clause per field, not two.
        var bodyWindow = Leaves(Builder.Build("窗口")).OfType<TermQuery>().Count(term => term.Term.Field == IndexFields.Body && term.Term.Text == "window");

        Assert.Equal(1, bodyWindow);
    }

    [Theory]
    [InlineData("状态后端")]
    [InlineData("RocksDB")]
    [InlineData("checkpoint 超时")]
    public void No_body_word_positions_are_checked_for_a_single_concept_or_the_proximity_boost(string text)
    {
        // Chinese phrases are left to the body's bigram field, compounds match whole, and proximity is rescored later.
        var phrases = BodyPhrases(Builder.Build(text)).Select(phrase => phrase.ToString()).ToList();

        Assert.All(phrases, phrase => Assert.DoesNotContain("状态", phrase, StringComparison.Ordinal));
        Assert.DoesNotContain(phrases, phrase => phrase.Contains("rock db", StringComparison.Ordinal));
        Assert.DoesNotContain(phrases, phrase => phrase.Contains("checkpoint 超时", StringComparison.Ordinal));
    }

    [Fact]
    public void English_multi_word_forms_still_need_their_words_together_in_the_body()
    {
        var phrases = BodyPhrases(Builder.Build("状态后端")).Select(phrase => phrase.ToString()).ToList();

        Assert.Contains(phrases, phrase => phrase.Contains("state backend", StringComparison.Ordinal));
    }

    [Fact]
    public void The_body_proximity_boost_is_kept_apart_for_rescoring()
    {
        Assert.Contains("body:\"checkpoint 超时\"~6", Builder.BodyProximity("checkpoint 超时")?.ToString(), StringComparison.Ordinal);
        Assert.Null(Builder.BodyProximity("checkpoint"));
        Assert.Null(Builder.BodyProximity("\"checkpoint 超时\""));
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
        var fields = Leaves(Builder.Build("flink", reader)).OfType<TermQuery>().Select(term => term.Term.Field).ToHashSet();

        Assert.DoesNotContain(IndexFields.Account, fields);
        Assert.Contains(IndexFields.Title, fields);
        Assert.Contains(IndexFields.Body, fields);
    }
}
