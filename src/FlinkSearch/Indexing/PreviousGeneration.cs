using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace FlinkSearch.Indexing;

/// <summary>The generation being served, opened read-only by a build: for the shrink guard and to carry documents over from.</summary>
public sealed class PreviousGeneration : IDisposable
{
    private PreviousGeneration(FSDirectory directory, DirectoryReader reader, IndexMetadata metadata)
    {
        Directory = directory;
        Reader = reader;
        Metadata = metadata;
    }

    public FSDirectory Directory { get; }
    public DirectoryReader Reader { get; }
    public IndexMetadata Metadata { get; }

    /// <summary>
    /// Opens and verifies the current generation; null when there is none. Throws a <see cref="GenerationDamagedException"/>
    /// when it is damaged, which must then be neither carried over nor kept for rollback.
    /// </summary>
    public static PreviousGeneration? Open(IndexGenerations generations)
    {
        if (generations.Current is not { } name)
        {
            return null;
        }

        // Read whole even when its record agrees: a build copies what it carries over, damage included.
        var (directory, reader, _) = VerifiedGeneration.Open(name, generations.PathOf(name), trustRecord: false);
        return new PreviousGeneration(directory, reader, IndexMetadata.FromCommitData(name, reader.IndexCommit.UserData, reader.NumDocs));
    }

    /// <summary>Id and fingerprint of every live document, from the id terms and the fingerprint doc values (no stored fields).</summary>
    public Dictionary<string, long> ReadFingerprints()
    {
        var fingerprints = new Dictionary<string, long>(Reader.NumDocs, StringComparer.Ordinal);
        foreach (var leaf in Reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var values = segment.GetNumericDocValues(ArticleFingerprint.Field);
            if (segment.GetTerms(IndexFields.Id)?.GetEnumerator() is not { } ids)
            {
                continue;
            }

            DocsEnum? docs = null;
            while (ids.MoveNext())
            {
                docs = ids.Docs(segment.LiveDocs, docs, DocsFlags.NONE);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    // A document without a fingerprint reads as 0, which no article hashes to: it is rewritten.
                    fingerprints[ids.Term.Utf8ToString()] = values?.Get(doc) ?? 0;
                }
            }
        }

        return fingerprints;
    }

    public void Dispose()
    {
        Reader.Dispose();
        Directory.Dispose();
    }
}
