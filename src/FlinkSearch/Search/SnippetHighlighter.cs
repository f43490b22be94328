using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace FlinkSearch.Search;

/// <summary>Marks query terms in titles and picks body snippets, reading token offsets from term vectors.</summary>
public sealed class SnippetHighlighter(TextAnalysis analysis)
{
    public const int SnippetLength = 160;
    private const string Ellipsis = "…";

    public string Title(IndexReader reader, int docId, Query query, string title) =>
        Highlight(reader, docId, query, IndexFields.Title, title, new NullFragmenter(), 1) ?? HtmlText.Escape(title);

    /// <summary>The best passages of the body (or the note) that contain query terms; else the opening of the body.</summary>
    public string Snippet(IndexReader reader, int docId, Query query, string? body, string? note)
    {
        if (!string.IsNullOrEmpty(body)
            && Highlight(reader, docId, query, IndexFields.Body, body, new SimpleSpanFragmenter(new QueryScorer(query, IndexFields.Body), SnippetLength), 2) is { } fromBody)
        {
            return fromBody;
        }

        if (!string.IsNullOrEmpty(note)
            && Highlight(reader, docId, query, IndexFields.Note, note, new NullFragmenter(), 1) is { } fromNote)
        {
            return fromNote;
        }

        var plain = body ?? note ?? "";
        return HtmlText.Escape(plain.Length > SnippetLength ? plain[..SnippetLength] + Ellipsis : plain);
    }

    private string? Highlight(IndexReader reader, int docId, Query query, string field, string text, IFragmenter fragmenter, int fragments)
    {
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new EscapingEncoder(), scorer)
        {
            TextFragmenter = fragmenter,
            MaxDocCharsToAnalyze = int.MaxValue,
        };
        using var tokens = TokenSources.GetAnyTokenStream(reader, docId, field, analysis.Analyzer);
        var best = highlighter.GetBestFragments(tokens, text, fragments);
        // Words marked one by one (仅|一|次) read better as one mark.
        return best.Length == 0 ? null : string.Join(Ellipsis, best).Replace("</mark><mark>", "", StringComparison.Ordinal).Trim();
    }

    private sealed class EscapingEncoder : IEncoder
    {
        public string EncodeText(string originalText) => HtmlText.Escape(originalText);
    }
}
