using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FlinkSearch.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;

namespace FlinkSearch.Search;

/// <summary>
/// Marks query terms in titles and picks body snippets. Bodies go through the FastVectorHighlighter, which finds the
/// matches in the body's term vector instead of walking a token stream of the whole article (that walk cost over a
/// millisecond per hit); titles and notes are short enough for the token-stream highlighter.
/// </summary>
public sealed class SnippetHighlighter(TextAnalysis analysis)
{
    public const int SnippetLength = 160;
    private const string Ellipsis = "…";
    private static readonly string[] PreTags = ["<mark>"];
    private static readonly string[] PostTags = ["</mark>"];
    private static readonly IEncoder Encoder = new EscapingEncoder();

    // Fragments start and stop at Chinese or Western punctuation when one is near, not in the middle of a sentence.
    private static readonly char[] Boundaries = ['。', '，', '；', '！', '？', '、', '.', ',', ';', '!', '?', ' ', '\t', '\n'];

    private readonly FastVectorHighlighter vectors = new(phraseHighlight: true, fieldMatch: true);

    // Flattening the synonym-expanded query is the same work for every hit of a search: done once per query object
    // (a search builds its query once and highlights all its hits against one reader).
    private readonly ConditionalWeakTable<Query, FieldQuery> fieldQueries = [];

    private readonly ConditionalWeakTable<Query, ConcurrentDictionary<string, WeightedTerm[]>> termsByQuery = [];

    public string Title(Query query, string title) =>
        Highlight(query, IndexFields.Title, title) ?? HtmlText.Escape(title);

    /// <summary>The best passages of the body (or the note) that contain query terms; else the opening of the body.</summary>
    public string Snippet(IndexReader reader, int docId, Query query, string? body, string? note)
    {
        if (!string.IsNullOrEmpty(body)
            && FromVectors(reader, docId, query, IndexFields.Body, body) is { } fromBody)
        {
            return fromBody;
        }

        if (!string.IsNullOrEmpty(note)
            && Highlight(query, IndexFields.Note, note) is { } fromNote)
        {
            return fromNote;
        }

        var plain = body ?? note ?? "";
        return HtmlText.Escape(plain.Length > SnippetLength ? plain[..SnippetLength] + Ellipsis : plain);
    }

    private string? FromVectors(IndexReader reader, int docId, Query query, string field, string text)
    {
        var fieldQuery = fieldQueries.GetValue(query, q => vectors.GetFieldQuery(q, reader));
        var best = vectors.GetBestFragments(fieldQuery, reader, docId, field, SnippetLength, 2,
            new SimpleFragListBuilder(), new LoadedTextFragmentsBuilder(text), PreTags, PostTags, Encoder);
        return best is null || best.Length == 0 ? null : MergeMarks(string.Join(Ellipsis, best));
    }

    // Words marked one by one (仅|一|次) read better as one mark.
    private static string MergeMarks(string html) => html.Replace("</mark><mark>", "", StringComparison.Ordinal).Trim();

    // Titles and notes are short: marked whole, as one fragment.
    private string? Highlight(Query query, string field, string text)
    {
        // Terms, not spans: the relevance query holds many synonym phrases, and checking each one's positions in every
        // fragment (QueryScorer) cost more than the search itself. The terms are extracted once per query and field.
        var scorer = new QueryTermScorer(TermsOf(query, field));
        var highlighter = new Highlighter(new SimpleHTMLFormatter(PreTags[0], PostTags[0]), Encoder, scorer)
        {
            TextFragmenter = new NullFragmenter(),
            MaxDocCharsToAnalyze = int.MaxValue,
        };
        // Analysed afresh rather than read from the term vector: a document's vectors are decoded whole (the body's
        // included), which cost ~0.4 ms per title, while analysing a title takes a few microseconds.
        using var tokens = analysis.Analyzer.GetTokenStream(field, text);
        var best = highlighter.GetBestFragments(tokens, text, 1);
        return best.Length == 0 ? null : MergeMarks(string.Join(Ellipsis, best));
    }

    private WeightedTerm[] TermsOf(Query query, string field)
    {
        var byField = termsByQuery.GetValue(query, static _ => new ConcurrentDictionary<string, WeightedTerm[]>(StringComparer.Ordinal));
        return byField.GetOrAdd(field, (name, q) => QueryTermExtractor.GetTerms(q, prohibited: false, name), query);
    }

    // Hands the highlighter the text the search already loaded rather than reading the stored document a second time.
    private sealed class LoadedTextFragmentsBuilder(string text)
        : ScoreOrderFragmentsBuilder(PreTags, PostTags, new SimpleBoundaryScanner(20, Boundaries))
    {
        protected override Field[] GetFields(IndexReader reader, int docId, string fieldName) => [new TextField(fieldName, text, Field.Store.YES)];
    }

    private sealed class EscapingEncoder : IEncoder
    {
        public string EncodeText(string originalText) => HtmlText.Escape(originalText);
    }
}
