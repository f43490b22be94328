using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Related;

/// <summary>A related article in the shape of a search hit: nothing is marked, the snippet is the body's (or the note's) opening.</summary>
public static class RelatedHit
{
    public static SearchHit? Of(IndexReader reader, ScoreDoc scoreDoc)
    {
        if (StoredArticles.Read(reader, scoreDoc.Doc) is not { } article)
        {
            return null;
        }

        var body = StoredArticles.Body(reader, scoreDoc.Doc);
        return SearchHit.Of(article, MarkedText.Whole(article.Title, []), MarkedText.Opening(body.IsEmpty ? article.Note : body), scoreDoc.Score);
    }
}
