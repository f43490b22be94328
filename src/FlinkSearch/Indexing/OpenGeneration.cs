using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace FlinkSearch.Indexing;

/// <summary>
/// One generation opened for searching, closed by Lucene's own reference count on its reader: the serving holder
/// owns one reference and every in-flight search another, so a generation that was switched away closes (and its
/// directory with it) only after its last search ends. A generation never changes, so there is nothing to refresh.
/// It stays leased (<see cref="IndexGenerations.TryLease"/>) until it closes, so no process's cleanup deletes it meanwhile.
/// </summary>
public sealed class OpenGeneration
{
    private static readonly ScoringSearcherFactory Searchers = new();
    private readonly DirectoryReader reader;

    private readonly FSDirectory directory;

    private OpenGeneration(FSDirectory directory, DirectoryReader reader, IndexMetadata metadata, bool fullyVerified)
    {
        this.directory = directory;
        this.reader = reader;
        Searcher = Searchers.NewSearcher(reader);
        Metadata = metadata;
        FullyVerified = fullyVerified;
    }

    public IndexSearcher Searcher { get; }
    public IndexMetadata Metadata { get; }

    /// <summary>False when the open trusted the generation's verification record: <see cref="VerifyInFull"/> is still due.</summary>
    public bool FullyVerified { get; }

    /// <summary>
    /// Leases, opens and verifies a generation (see <see cref="VerifiedGeneration"/>); throws <see cref="GenerationDamagedException"/>,
    /// or <see cref="GenerationGoneException"/> when it was deleted after its name was read.
    /// </summary>
    public static OpenGeneration Open(IndexGenerations generations, string name)
    {
        var lease = generations.TryLease(name) ?? throw new GenerationGoneException(name);
        try
        {
            var (directory, reader, fullyVerified) = VerifiedGeneration.Open(name, generations.PathOf(name), trustRecord: true);
            reader.AddReaderDisposedListener(new Closer(directory, lease));
            return new OpenGeneration(directory, reader, IndexMetadata.FromCommitData(name, reader.IndexCommit.UserData, reader.NumDocs), fullyVerified);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Reads every file whole; throws <see cref="GenerationDamagedException"/>. The caller holds a reference (<see cref="TryAddReference"/>).</summary>
    public void VerifyInFull(CancellationToken cancellationToken) =>
        VerifiedGeneration.VerifyInFull(Metadata.Generation, directory, reader.IndexCommit.FileNames, cancellationToken);

    /// <summary>Takes a reference for one search; false once the generation has closed (the caller looks again).</summary>
    public bool TryAddReference() => reader.TryIncRef();

    public void Release() => reader.DecRef();

    private sealed class Closer(FSDirectory directory, IDisposable lease) : IReaderDisposedListener
    {
        public void OnDispose(IndexReader reader)
        {
            directory.Dispose();
            lease.Dispose();
        }
    }
}

/// <summary>The generation a pointer named was deleted before it could be opened (two builds went by): read the pointer again.</summary>
public sealed class GenerationGoneException(string generation) : Exception($"index generation {generation} was deleted before it could be opened");
