using FlinkSearch.Indexing;
using FlinkSearch.Takedowns;

namespace FlinkSearch.Search;

/// <summary>
/// Answers search-as-you-type from a <see cref="SuggestIndex"/> kept in step with the served generation, the synonyms
/// and the takedowns (a hidden article's title is neither suggested nor a source of suggested terms).
/// </summary>
public sealed class SuggestService(ServingIndex index, SynonymDictionary synonyms, TextAnalysis analysis, HiddenArticles hidden)
{
    private readonly Lock buildLock = new();
    private volatile Built? built;

    public SuggestResponse Suggest(string prefix, int size)
    {
        if (!index.TryAcquire(out var lease))
        {
            throw new IndexNotReadyException();
        }

        using (lease)
        {
            return new SuggestResponse(prefix, Current(lease).Lookup(prefix, size));
        }
    }

    private SuggestIndex Current(SearcherLease lease)
    {
        var sets = synonyms.Current;
        var generation = lease.Metadata.Generation;
        var hiddenDocs = hidden.Of(lease.Searcher.IndexReader, generation);
        if (built is { } ready && ready.Generation == generation && ReferenceEquals(ready.Synonyms, sets) && ReferenceEquals(ready.Hidden, hiddenDocs))
        {
            return ready.Index;
        }

        lock (buildLock)
        {
            if (built is { } again && again.Generation == generation && ReferenceEquals(again.Synonyms, sets) && ReferenceEquals(again.Hidden, hiddenDocs))
            {
                return again.Index;
            }

            var reader = lease.Searcher.IndexReader;
            var liveDocs = Lucene.Net.Index.MultiFields.GetLiveDocs(reader);
            var articles = new List<(string, string)>(reader.MaxDoc);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if ((liveDocs is null || liveDocs.Get(doc)) && !hiddenDocs.Contains(doc))
                {
                    if (StoredArticles.Read(reader, doc) is { } stored)
                    {
                        articles.Add((stored.Title, stored.Url));
                    }
                }
            }

            var fresh = new SuggestIndex(articles, sets, analysis);
            built = new Built(generation, sets, hiddenDocs, fresh);
            return fresh;
        }
    }

    private sealed record Built(string Generation, SynonymSets Synonyms, HiddenDocs Hidden, SuggestIndex Index);
}
