using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace FlinkSearch.Indexing;

/// <summary>
/// Opens a generation only after every one of its files matched the checksum Lucene wrote at its end. Opening a reader
/// checks just the small files it reads whole; a flipped byte in a large one (the stored bodies, the postings) would
/// otherwise be served, or copied into the next generation by an incremental build.
/// </summary>
public static class VerifiedGeneration
{
    /// <summary>The generation's directory and reader; throws <see cref="GenerationDamagedException"/> when a file is missing, cut short or altered.</summary>
    public static (FSDirectory Directory, DirectoryReader Reader) Open(string name, string path)
    {
        var directory = FSDirectory.Open(path);
        DirectoryReader? reader = null;
        try
        {
            reader = DirectoryReader.Open(directory);
            foreach (var file in reader.IndexCommit.FileNames)
            {
                using var input = directory.OpenInput(file, IOContext.READ_ONCE);
                CodecUtil.ChecksumEntireFile(input);
            }

            return (directory, reader);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Lucene reports damage as IOExceptions of its own, but garbage can also surface as any decoding error.
            reader?.Dispose();
            directory.Dispose();
            throw new GenerationDamagedException(name, e);
        }
    }
}

/// <summary>A generation that cannot be served: one of its files is missing, cut short or altered.</summary>
public sealed class GenerationDamagedException(string generation, Exception inner)
    : IOException($"index generation {generation} is damaged: {inner.Message}", inner)
{
    public string Generation => generation;

    /// <summary>Lucene's own words for the damage (which file, what did not match).</summary>
    public string Damage => InnerException!.Message;
}
