using FlinkSearch.Search;

namespace FlinkSearch.Tests.Search;

public sealed class MarkedTextTests
{
    private static MarkSpan Mark(string text, string word, int concept = 0, int from = 0)
    {
        var start = text.IndexOf(word, from, StringComparison.Ordinal);
        return new MarkSpan(start, start + word.Length, concept);
    }

    [Fact]
    public void Touching_and_overlapping_marks_become_one()
    {
        const string text = "仅一次语义";

        Assert.Equal("<mark>仅一次</mark>语义", MarkedText.Whole(text, [new(0, 1, 0), new(1, 2, 0), new(1, 3, 0)]));
    }

    [Fact]
    public void Text_is_escaped_and_whitespace_folded()
    {
        const string text = "a <b>\n\n  & \"c\" 'd' Watermark";

        Assert.Equal("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; <mark>Watermark</mark>", MarkedText.Whole(text, [Mark(text, "Watermark")]));
    }

    [Fact]
    public void A_snippet_starts_after_the_sentence_end_before_the_mark_and_ends_at_the_next_one()
    {
        var text = new string('前', 300) + "。Flink 的 Checkpoint 保证一致性。" + new string('后', 300);

        var snippet = MarkedText.Snippet(text, [Mark(text, "Checkpoint")])!;

        Assert.Equal("…Flink 的 <mark>Checkpoint</mark> 保证一致性。…", snippet);
    }

    [Fact]
    public void A_snippet_without_a_sentence_end_nearby_never_starts_or_ends_inside_a_latin_word()
    {
        var text = string.Concat(Enumerable.Repeat("source agents and tools ", 30)) + "Checkpoint " + string.Concat(Enumerable.Repeat("barrier alignment step ", 30));

        var snippet = MarkedText.Snippet(text, [Mark(text, "Checkpoint")])!;

        Assert.StartsWith("…<mark>Checkpoint</mark> barrier", snippet, StringComparison.Ordinal);
        Assert.Matches(@" [a-z]+…$", snippet);
    }

    [Fact]
    public void An_english_full_stop_ends_a_sentence_but_a_version_or_host_name_does_not()
    {
        var text = string.Concat(Enumerable.Repeat("Older releases behave differently. ", 12)) + "Since Flink 1.15 the Checkpoint of flink.apache.org is unaligned. "
            + string.Concat(Enumerable.Repeat("Later text follows here. ", 12));

        var snippet = MarkedText.Snippet(text, [Mark(text, "Checkpoint")])!;

        Assert.StartsWith("…Since Flink 1.15 the <mark>Checkpoint</mark> of flink.apache.org is unaligned.", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snippet_never_starts_inside_a_link()
    {
        // The colon of the scheme is the only clause mark within reach of the mark.
        var text = new string('甲', 200) + "见 https://ex.org/and-t-5800eb ShopTalk 的 Checkpoint 设计" + new string('乙', 200);

        var snippet = MarkedText.Snippet(text, [Mark(text, "Checkpoint")])!;

        Assert.StartsWith("…ShopTalk 的 <mark>Checkpoint</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void The_passage_with_the_most_concepts_wins_and_a_second_shows_a_concept_the_first_lacks()
    {
        var text = "水印。" + new string('甲', 200) + "水印和窗口在一起。" + new string('乙', 200) + "状态后端。" + new string('丙', 200);
        var together = text.IndexOf("水印和", StringComparison.Ordinal);

        var snippet = MarkedText.Snippet(text, [Mark(text, "水印"), Mark(text, "水印", from: together), Mark(text, "窗口", 1), Mark(text, "状态后端", 2)])!;

        Assert.Equal("…<mark>水印</mark>和<mark>窗口</mark>在一起。…<mark>状态后端</mark>。…", snippet);
    }

    [Fact]
    public void No_marks_no_snippet_and_the_opening_is_cut_with_an_ellipsis()
    {
        var text = new string('字', 500);

        Assert.Null(MarkedText.Snippet(text, []));
        Assert.EndsWith("…", MarkedText.Opening(text), StringComparison.Ordinal);
        Assert.Equal("短文", MarkedText.Opening("短文"));
    }
}
