using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace FlinkSearch.Indexing;

/// <summary>Field names of an article document and how each is indexed.</summary>
public static class IndexFields
{
    public const string Id = "id";
    public const string Url = "url";
    public const string Title = "title";
    public const string Section = "section";
    public const string SectionFacet = "section_facet";
    public const string SectionText = "section_text";
    public const string Note = "note";
    public const string Body = "body";
    public const string Author = "author";
    public const string Account = "account";
    public const string PublishedAt = "published_at";
    public const string CrawledAt = "crawled_at";
    public const string Status = "status";
    public const string ListId = "list_id";
    public const string Position = "position";

    // Han unigrams and bigrams of the main text, so any Chinese substring is found whatever SmartCn made of it.
    public const string TitleGrams = "title_cjk";
    public const string NoteGrams = "note_cjk";
    public const string BodyGrams = "body_cjk";

    public static readonly IReadOnlyList<string> GramFields = [TitleGrams, NoteGrams, BodyGrams];

    /// <summary>The body: searchable, stored, with term vectors so snippets read match offsets instead of re-analysing the article.</summary>
    public static readonly FieldType HighlightedText = Freeze(new FieldType(TextField.TYPE_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorPositions = true,
        StoreTermVectorOffsets = true,
    });

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
