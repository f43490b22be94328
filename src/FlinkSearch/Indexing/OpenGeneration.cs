using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace FlinkSearch.Indexing;

/// <summary>
/// One generation opened for searching. Reference-counted: the serving holder owns one reference and every
/// in-flight search another, so a generation that was switched away closes only after its last search ends.
/// </summary>
public sealed class OpenGeneration
{
    private readonly FSDirectory directory;
    private int references = 1;

    private OpenGeneration(FSDirectory directory, SearcherManager searchers, IndexMetadata metadata)
    {
        this.directory = directory;
        Searchers = searchers;
        Metadata = metadata;
    }

    public SearcherManager Searchers { get; }
    public IndexMetadata Metadata { get; }

    public static OpenGeneration Open(string name, string path)
    {
        var directory = FSDirectory.Open(path);
        try
        {
            var searchers = new SearcherManager(directory, new ScoringSearcherFactory());
            var searcher = searchers.Acquire();
            try
            {
                var reader = (DirectoryReader)searcher.IndexReader;
                var metadata = IndexMetadata.FromCommitData(name, reader.IndexCommit.UserData, reader.NumDocs);
                return new OpenGeneration(directory, searchers, metadata);
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public bool TryAddReference()
    {
        var current = Volatile.Read(ref references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref references) == 0)
        {
            Searchers.Dispose();
            directory.Dispose();
        }
    }
}
