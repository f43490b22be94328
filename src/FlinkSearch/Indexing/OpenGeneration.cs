using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace FlinkSearch.Indexing;

/// <summary>
/// One generation opened for searching, closed by Lucene's own reference count on its reader: the serving holder
/// owns one reference and every in-flight search another, so a generation that was switched away closes (and its
/// directory with it) only after its last search ends. A generation never changes, so there is nothing to refresh.
/// </summary>
public sealed class OpenGeneration
{
    private static readonly ScoringSearcherFactory Searchers = new();
    private readonly DirectoryReader reader;

    private OpenGeneration(DirectoryReader reader, IndexMetadata metadata)
    {
        this.reader = reader;
        Searcher = Searchers.NewSearcher(reader);
        Metadata = metadata;
    }

    public IndexSearcher Searcher { get; }
    public IndexMetadata Metadata { get; }

    /// <summary>Opens and verifies a generation (see <see cref="VerifiedGeneration"/>); throws <see cref="GenerationDamagedException"/>.</summary>
    public static OpenGeneration Open(string name, string path)
    {
        var (directory, reader) = VerifiedGeneration.Open(name, path);
        reader.AddReaderDisposedListener(new DirectoryCloser(directory));
        return new OpenGeneration(reader, IndexMetadata.FromCommitData(name, reader.IndexCommit.UserData, reader.NumDocs));
    }

    /// <summary>Takes a reference for one search; false once the generation has closed (the caller looks again).</summary>
    public bool TryAddReference() => reader.TryIncRef();

    public void Release() => reader.DecRef();

    private sealed class DirectoryCloser(FSDirectory directory) : IReaderDisposedListener
    {
        public void OnDispose(IndexReader reader) => directory.Dispose();
    }
}
