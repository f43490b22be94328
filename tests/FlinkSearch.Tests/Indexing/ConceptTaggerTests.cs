using FlinkSearch.Indexing;
using Lucene.Net.Analysis.TokenAttributes;

namespace FlinkSearch.Tests.Indexing;

public sealed class ConceptTaggerTests
{
    private static readonly SynonymSets Sets = SynonymSets.Parse(
    [
        "窗口, window, windows",
        "滚动窗口, tumbling window",
        "检查点, checkpoint",
        "精确一次, exactly once",
        "状态, state",
    ]);

    private static List<string> Found(string text) =>
        [.. new ConceptTagger(Sets).Find(text).Select(match => $"{text[match.Start..match.End]}={Sets.TokenOf(match.SetIndexes[0])}")];

    [Fact]
    public void Every_entry_is_found_overlapping_ones_included()
    {
        Assert.Equal(["滚动窗口=⁂滚动窗口", "窗口=⁂窗口"], Found("滚动窗口"));
    }

    [Fact]
    public void Latin_entries_match_whole_words_in_any_case_spacing_or_hyphenation()
    {
        Assert.Equal(["Exactly-Once=⁂精确一次"], Found("Exactly-Once"));
        Assert.Equal(["Tumbling  Window=⁂滚动窗口", "Window=⁂窗口"], Found("Tumbling  Window"));
        Assert.Empty(Found("windowing"));
        Assert.Empty(Found("statement"));
    }

    [Fact]
    public void A_plural_ending_is_allowed_like_the_analyzers_plural_stripping()
    {
        Assert.Equal(["Checkpoints=⁂检查点"], Found("Checkpoints"));
    }

    [Fact]
    public void A_camel_case_boundary_is_a_word_boundary()
    {
        Assert.Equal(["State=⁂状态"], Found("StateBackend"));
    }

    [Fact]
    public void The_index_analyzer_puts_concept_tokens_at_the_first_word_of_the_entry_spanning_the_whole_entry()
    {
        using var analysis = new TextAnalysis();
        using var analyzer = analysis.ForIndex(Sets);
        using var stream = analyzer.GetTokenStream(IndexFields.All, "用滚动窗口做 Tumbling Window 统计");
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var tokens = new List<string>();
        var position = -1;
        stream.Reset();
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add($"{term}@{position}[{offset.StartOffset}-{offset.EndOffset}]");
        }

        stream.End();

        Assert.Contains("⁂滚动窗口@1[1-5]", tokens);
        Assert.Contains("⁂窗口@2[3-5]", tokens);
        Assert.Contains("⁂滚动窗口@4[7-22]", tokens);
        Assert.Contains("⁂窗口@5[16-22]", tokens);
        Assert.Contains("tumbling@4[7-15]", tokens);
    }
}
