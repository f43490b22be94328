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
        Highlight(reader, docId, query, IndexFields.Title, title, _ => new NullFragmenter(), 1) ?? HtmlText.Escape(title);

    /// <summary>The best passages of the body (or the note) that contain query terms; else the opening of the body.</summary>
    public string Snippet(IndexReader reader, int docId, Query query, string? body, string? note)
    {
        if (!string.IsNullOrEmpty(body)
            && Highlight(reader, docId, query, IndexFields.Body, body, scorer => new SimpleSpanFragmenter(scorer, SnippetLength), 2) is { } fromBody)
        {
            return fromBody;
        }

        if (!string.IsNullOrEmpty(note)
            && Highlight(reader, docId, query, IndexFields.Note, note, _ => new NullFragmenter(), 1) is { } fromNote)
        {
            return fromNote;
        }

        var plain = body ?? note ?? "";
        return HtmlText.Escape(plain.Length > SnippetLength ? plain[..SnippetLength] + Ellipsis : plain);
    }

    // A span fragmenter must share the highlighter's scorer: only that instance is initialised with the token stream.
    private string? Highlight(IndexReader reader, int docId, Query query, string field, string text, Func<QueryScorer, IFragmenter> fragmenter, int fragments)
    {
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new EscapingEncoder(), scorer)
        {
            TextFragmenter = fragmenter(scorer),
            MaxDocCharsToAnalyze = int.MaxValue,
        };
        using var tokens = TokenSources.GetAnyTokenStream(reader, docId, field, analysis.Analyzer);
        var best = highlighter.GetBestFragments(tokens, text, fragments);
        return best.Length == 0 ? null : string.Join(Ellipsis, best).Trim();
    }

    private sealed class EscapingEncoder : IEncoder
    {
        public string EncodeText(string originalText) => HtmlText.Escape(originalText);
    }
}
