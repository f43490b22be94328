using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace FlinkSearch.Indexing;

/// <summary>Turns an article into a Lucene document: searchable fields, the catch-all, and what a hit shows.</summary>
public static class ArticleDocumentMapper
{
    public static Document ToDocument(IndexableArticle article)
    {
        var doc = new Document
        {
            new StringField(IndexFields.Id, article.Id, Field.Store.YES),
            new StringField(IndexFields.Status, article.Status, Field.Store.NO),
            new BinaryDocValuesField(IndexFields.Display, StoredArticle.Of(article).Encode()),
            new Field(IndexFields.Title, article.Title, IndexFields.MarkedText),
            new Field(IndexFields.TitleGrams, article.Title, IndexFields.MarkedText),
            ArticleFingerprint.Of(article),
        };

        foreach (var section in article.Sections)
        {
            doc.Add(new StringField(IndexFields.Section, section, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(IndexFields.SectionFacet, new BytesRef(section)));
            doc.Add(new TextField(IndexFields.SectionText, section, Field.Store.NO));
        }

        if (!string.IsNullOrWhiteSpace(article.Account))
        {
            doc.Add(new SortedSetDocValuesField(IndexFields.AccountFacet, new BytesRef(article.Account)));
        }

        if (article.PublishedAt is { } published)
        {
            var milliseconds = published.ToUnixTimeMilliseconds();
            doc.Add(new Int64Field(IndexFields.Published, milliseconds, Field.Store.NO));
            doc.Add(new NumericDocValuesField(IndexFields.Published, milliseconds));
        }

        AddText(doc, IndexFields.Note, article.Note, IndexFields.MarkedText);
        AddText(doc, IndexFields.NoteGrams, article.Note, IndexFields.MarkedText);
        AddText(doc, IndexFields.Author, article.Author, TextField.TYPE_NOT_STORED);
        AddText(doc, IndexFields.Account, article.Account, TextField.TYPE_NOT_STORED);

        // The catch-all's values in this order: the body first, so its offsets are the body's own. The title is not in it:
        // every query asks for the title on its own, weighted up, and counting it twice made titles that say a thing in
        // two forms outrank the ones that say just it.
        if (!string.IsNullOrWhiteSpace(article.Body))
        {
            doc.Add(new BinaryDocValuesField(IndexFields.BodyText, new BytesRef(MemoryMarshal.AsBytes(article.Body.AsSpan()).ToArray())));
            AddText(doc, IndexFields.All, article.Body, IndexFields.MarkedText);
            AddText(doc, IndexFields.AllGrams, article.Body, IndexFields.MarkedText);
        }

        foreach (var section in article.Sections)
        {
            AddText(doc, IndexFields.All, section, IndexFields.MarkedText);
        }

        AddText(doc, IndexFields.All, article.Note, IndexFields.MarkedText);
        AddText(doc, IndexFields.AllGrams, article.Note, IndexFields.MarkedText);
        AddText(doc, IndexFields.All, article.Author, IndexFields.MarkedText);
        AddText(doc, IndexFields.All, article.Account, IndexFields.MarkedText);
        return doc;
    }

    private static void AddText(Document doc, string field, string? value, FieldType type)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            doc.Add(new Field(field, value, type));
        }
    }
}
