using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Takedowns;

/// <summary>Hiding and unhiding as the admin API, the console and the <c>hide</c>/<c>unhide</c> verbs do it: only articles the served index knows.</summary>
public sealed class TakedownService(TakedownList list, ServingIndex serving)
{
    public const int MaxReasonLength = 500;

    public IReadOnlyList<Takedown> All => list.Current.Takedowns;

    public bool IsHidden(string id) => list.Current.Contains(id);

    /// <summary>Hides the article with this id; null when the served index has no such article.</summary>
    public Takedown? Hide(string id, string reason)
    {
        if (Find(id) is not { } article)
        {
            return null;
        }

        list.Hide(id, reason.Trim(), article.Url, article.Title);
        return list.Current.Takedowns.First(t => t.Id == id);
    }

    /// <summary>Shows the article again; false when it was not hidden.</summary>
    public bool Unhide(string id) => list.Unhide(id);

    /// <summary>What the served index shows for the article, or null when it has no such article (or no index is open).</summary>
    public StoredArticle? Find(string id)
    {
        if (!serving.TryAcquire(out var lease))
        {
            return null;
        }

        using (lease)
        {
            var top = lease.Searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1);
            return top.ScoreDocs is [var hit, ..] ? StoredArticles.Read(lease.Searcher.IndexReader, hit.Doc) : null;
        }
    }
}
