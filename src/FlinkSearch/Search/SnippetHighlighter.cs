using FlinkSearch.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;

namespace FlinkSearch.Search;

/// <summary>
/// Marks query terms in titles and picks body snippets. The body's term vector (with offsets) lets the
/// FastVectorHighlighter find the matches without rebuilding a token stream of the whole article (that was ~4× slower,
/// see docs/benchmarks.md). Titles and notes are short: re-analysing them is cheaper than decoding the document's vectors.
/// </summary>
public sealed class SnippetHighlighter(TextAnalysis analysis)
{
    public const int SnippetLength = 160;
    private const string Ellipsis = "…";
    private static readonly string[] PreTags = ["<mark>"];
    private static readonly string[] PostTags = ["</mark>"];

    // Fragments start and stop at Chinese or Western punctuation when one is near, not in the middle of a sentence.
    private static readonly char[] Boundaries = ['。', '，', '；', '！', '？', '、', '.', ',', ';', '!', '?', ' ', '\t', '\n'];

    private static readonly IEncoder Encoder = new EscapingEncoder();
    private readonly FastVectorHighlighter vectors = new(phraseHighlight: true, fieldMatch: true);

    public string Title(IndexReader reader, int docId, Query query, string title) =>
        Reanalysed(query, IndexFields.Title, title) ?? HtmlText.Escape(title);

    /// <summary>The best passages of the body (or the note) that contain query terms; else the opening of the body.</summary>
    public string Snippet(IndexReader reader, int docId, Query query, string? body, string? note)
    {
        if (!string.IsNullOrEmpty(body)
            && FromVectors(reader, docId, query, IndexFields.Body, body, new SimpleFragListBuilder(), 2) is { } fromBody)
        {
            return fromBody;
        }

        if (!string.IsNullOrEmpty(note) && Reanalysed(query, IndexFields.Note, note) is { } fromNote)
        {
            return fromNote;
        }

        var plain = body ?? note ?? "";
        return HtmlText.Escape(plain.Length > SnippetLength ? plain[..SnippetLength] + Ellipsis : plain);
    }

    private string? FromVectors(IndexReader reader, int docId, Query query, string field, string text, IFragListBuilder fragments, int count)
    {
        var best = vectors.GetBestFragments(vectors.GetFieldQuery(query, reader), reader, docId, field, SnippetLength, count,
            fragments, new LoadedTextFragmentsBuilder(text), PreTags, PostTags, Encoder);
        return best is null || best.Length == 0 ? null : string.Join(Ellipsis, best).Trim();
    }

    private string? Reanalysed(Query query, string field, string text)
    {
        var highlighter = new Highlighter(new SimpleHTMLFormatter(PreTags[0], PostTags[0]), Encoder, new QueryScorer(query, field))
        {
            TextFragmenter = new NullFragmenter(),
        };
        using var tokens = analysis.Analyzer.GetTokenStream(field, text);
        var best = highlighter.GetBestFragments(tokens, text, 1);
        return best.Length == 0 ? null : string.Join(Ellipsis, best).Trim();
    }

    // Hands the highlighter the text the search already loaded rather than reading the stored document a second time.
    private sealed class LoadedTextFragmentsBuilder(string text) : ScoreOrderFragmentsBuilder(PreTags, PostTags, new SimpleBoundaryScanner(20, Boundaries))
    {
        protected override Field[] GetFields(IndexReader reader, int docId, string fieldName) => [new TextField(fieldName, text, Field.Store.YES)];
    }

    private sealed class EscapingEncoder : IEncoder
    {
        public string EncodeText(string originalText) => HtmlText.Escape(originalText);
    }
}
