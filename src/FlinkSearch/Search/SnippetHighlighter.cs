using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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

    private readonly ConditionalWeakTable<Query, ConcurrentDictionary<string, WeightedTerm[]>> termsByQuery = [];

    public string Title(IndexReader reader, int docId, Query query, string title) =>
        Highlight(reader, docId, query, IndexFields.Title, title, new NullFragmenter(), 1) ?? HtmlText.Escape(title);

    /// <summary>The best passages of the body (or the note) that contain query terms; else the opening of the body.</summary>
    public string Snippet(IndexReader reader, int docId, Query query, string? body, string? note)
    {
        if (!string.IsNullOrEmpty(body)
            && Highlight(reader, docId, query, IndexFields.Body, body, new SimpleFragmenter(SnippetLength), 2) is { } fromBody)
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
        // Terms, not spans: the relevance query holds many synonym phrases, and checking each one's positions in every
        // fragment (QueryScorer) cost more than the search itself. The terms are extracted once per query and field.
        var scorer = new QueryTermScorer(TermsOf(query, field));
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

    private WeightedTerm[] TermsOf(Query query, string field)
    {
        var byField = termsByQuery.GetValue(query, static _ => new ConcurrentDictionary<string, WeightedTerm[]>(StringComparer.Ordinal));
        return byField.GetOrAdd(field, (name, q) => QueryTermExtractor.GetTerms(q, prohibited: false, name), query);
    }

    private sealed class EscapingEncoder : IEncoder
    {
        public string EncodeText(string originalText) => HtmlText.Escape(originalText);
    }
}
