using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace FlinkSearch.Indexing;

/// <summary>Turns an article into a Lucene document and back.</summary>
public static class ArticleDocumentMapper
{
    public static Document ToDocument(IndexableArticle article)
    {
        var doc = new Document
        {
            new StringField(IndexFields.Id, article.Id, Field.Store.YES),
            new StoredField(IndexFields.Url, article.Url),
            new TextField(IndexFields.Title, article.Title, Field.Store.YES),
            new StringField(IndexFields.Status, article.Status, Field.Store.YES),
            new StoredField(IndexFields.ListId, article.ListId),
            new Int32Field(IndexFields.Position, article.Position, Field.Store.YES),
            new TextField(IndexFields.TitleGrams, article.Title, Field.Store.NO),
        };

        foreach (var section in article.Sections)
        {
            doc.Add(new StringField(IndexFields.Section, section, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(IndexFields.SectionFacet, new BytesRef(section)));
            doc.Add(new TextField(IndexFields.SectionText, section, Field.Store.NO));
        }

        AddText(doc, IndexFields.Note, article.Note);
        AddGrams(doc, IndexFields.NoteGrams, article.Note);
        if (!string.IsNullOrWhiteSpace(article.Body))
        {
            doc.Add(new Field(IndexFields.Body, article.Body, IndexFields.HighlightedText));
            AddGrams(doc, IndexFields.BodyGrams, article.Body);
        }

        AddText(doc, IndexFields.Author, article.Author);
        AddText(doc, IndexFields.Account, article.Account);
        AddDate(doc, IndexFields.PublishedAt, article.PublishedAt);
        AddDate(doc, IndexFields.CrawledAt, article.CrawledAt);
        return doc;
    }

    public static DateTimeOffset? ReadDate(Document doc, string field) =>
        doc.Get(field) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static void AddText(Document doc, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            doc.Add(new TextField(field, value, Field.Store.YES));
        }
    }

    private static void AddGrams(Document doc, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            doc.Add(new TextField(field, value, Field.Store.NO));
        }
    }

    private static void AddDate(Document doc, string field, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            doc.Add(new StoredField(field, date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }
    }
}
