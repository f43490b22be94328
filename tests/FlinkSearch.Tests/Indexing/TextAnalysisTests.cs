using FlinkSearch.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FlinkSearch.Tests.Indexing;

public sealed class TextAnalysisTests : IDisposable
{
    private readonly TextAnalysis analysis = new();

    public void Dispose() => analysis.Dispose();

    private List<string> Words(string text) => Terms(analysis.Analyzer, IndexFields.Title, text);

    private static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    [Theory]
    [InlineData("Flink的算子链是什么", "算子链")]
    [InlineData("两阶段提交协议", "两阶段提交")]
    [InlineData("修改状态后端的方式", "状态后端")]
    [InlineData("使用侧输出流收集迟到数据", "侧输出流")]
    public void Domain_terms_stay_whole(string text, string term)
    {
        Assert.Contains(term, Words(text));
    }

    [Fact]
    public void Domain_terms_are_also_found_by_their_pieces()
    {
        Assert.Contains("提交", Words("两阶段提交协议"));
    }

    [Fact]
    public void Identifiers_are_kept_whole_and_split_at_case_changes_without_stemming()
    {
        var terms = Words("CheckpointCoordinator 与 keyBy、TwoPhaseCommitSinkFunction 以及 elastic");

        Assert.Contains("checkpointcoordinator", terms);
        Assert.Contains("coordinator", terms);
        Assert.Contains("keyby", terms);
        Assert.Contains("key", terms);
        Assert.Contains("twophasecommitsinkfunction", terms);
        Assert.Contains("sink", terms);
        Assert.Contains("elastic", terms);
    }

    [Fact]
    public void Hyphenated_words_give_the_joined_form_and_the_pieces()
    {
        Assert.Equal(["exactlyonce", "exactly", "once"], Words("『exactly-once』"));
    }

    [Fact]
    public void Punctuation_and_symbols_are_dropped()
    {
        Assert.Equal(["flink", "kafka", "实现"], Words("Flink+Kafka，实现！？（）｜"));
    }

    [Fact]
    public void Plurals_fold_to_the_singular()
    {
        Assert.Equal(Words("checkpoint"), Words("Checkpoints"));
    }

    [Fact]
    public void Traditional_and_full_width_text_folds_to_simplified_and_ascii()
    {
        Assert.Equal(Words("检查点 checkpoint"), Words("檢查點 ＣＨＥＣＫＰＯＩＮＴ"));
    }

    [Fact]
    public void Gram_fields_hold_han_bigrams_and_lone_characters()
    {
        Assert.Equal(["滚动", "动窗", "窗口"], Terms(analysis.Analyzer, IndexFields.TitleGrams, "Flink 滚动窗口"));
        Assert.Equal(["流", "批"], Terms(analysis.Analyzer, IndexFields.TitleGrams, "流 and 批"));
    }
}
