using FlinkSearch.Indexing;

namespace FlinkSearch.Tests.Indexing;

public sealed class ArticleDocumentMapperTests
{
    [Fact]
    public void Title_note_and_body_also_go_to_their_han_gram_fields_and_the_catch_all_starts_with_the_body()
    {
        var article = new IndexableArticle("id", "https://example.com/a", "滚动窗口", ["窗口"], "备注", "flink", 1, ArticleStatus.Ok, Body: "正文内容");

        var doc = ArticleDocumentMapper.ToDocument(article);

        Assert.Equal("滚动窗口", doc.GetField(IndexFields.TitleGrams).GetStringValue());
        Assert.Equal("备注", doc.GetField(IndexFields.NoteGrams).GetStringValue());
        Assert.Equal(["正文内容", "备注"], doc.GetFields(IndexFields.AllGrams).Select(field => field.GetStringValue()));
        Assert.Equal(["正文内容", "窗口", "备注"], doc.GetFields(IndexFields.All).Select(field => field.GetStringValue()));
    }

    [Fact]
    public void The_catch_all_is_analysed_like_titles()
    {
        using var analysis = new TextAnalysis();

        Assert.Equal(Terms(analysis, IndexFields.Title, "两阶段提交 keyBy"), Terms(analysis, IndexFields.All, "两阶段提交 keyBy"));
    }

    private static List<string> Terms(TextAnalysis analysis, string field, string text)
    {
        using var stream = analysis.Analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var terms = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
