using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace FlinkSearch.Indexing;

/// <summary>Field names of an article document and how each is indexed.</summary>
public static class IndexFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Section = "section";
    public const string SectionFacet = "section_facet";
    public const string SectionText = "section_text";
    public const string Note = "note";
    public const string Author = "author";
    public const string Account = "account";
    public const string Status = "status";

    /// <summary>Doc values: the account's exact name, for the account filter and its counts.</summary>
    public const string AccountFacet = "account_facet";

    /// <summary>
    /// The publishing time in Unix milliseconds: indexed as a number for the date filter and kept in doc values for the
    /// newest-first order. Absent when the date is unknown.
    /// </summary>
    public const string Published = "published";

    /// <summary>
    /// The catch-all: body, sections, note, author and account in one field, so finding a word anywhere but the title
    /// (which queries always ask for apart) is one pass over one posting list. The body comes first, so offsets below the
    /// body's length are offsets into the body.
    /// </summary>
    public const string All = "all";

    // Han unigrams and bigrams, so any Chinese substring is found whatever SmartCn made of it.
    public const string TitleGrams = "title_cjk";
    public const string NoteGrams = "note_cjk";
    public const string AllGrams = "all_cjk";

    /// <summary>Doc values: what a hit shows (<see cref="StoredArticle"/>), read without touching stored fields.</summary>
    public const string Display = "display";

    /// <summary>Doc values: the body as UTF-16, so a snippet reads only the characters it shows.</summary>
    public const string BodyText = "body_text";

    public static readonly IReadOnlyList<string> GramFields = [TitleGrams, NoteGrams, AllGrams];

    public static bool IsGramField(string field) => field is TitleGrams or NoteGrams or AllGrams;

    /// <summary>Searchable text whose match offsets are kept in the postings, for marks and snippets without re-analysis.</summary>
    public static readonly FieldType MarkedText = Freeze(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
