using Lucene.Net.Index;
using Lucene.Net.Store;

namespace FlinkSearch.Indexing;

/// <summary>
/// Opens a generation only after its files matched the checksums Lucene wrote at their ends. Opening a reader checks
/// just the small files it reads whole; a flipped byte in a large one (the stored bodies, the postings) would otherwise
/// be served, or copied into the next generation by an incremental build. Reading every file whole is the only check
/// that finds such a byte, so it is done once, when the build finishes (<see cref="VerifyAndRecord"/>), and an open
/// repeats it only when a file disagrees with that record (<see cref="VerificationMarker"/>): cut short, written to,
/// replaced. When the record agrees, <see cref="Opened.FullyVerified"/> is false and the caller checks in full later.
/// </summary>
public static class VerifiedGeneration
{
    /// <summary>A generation's open directory and reader, and whether every file was just read whole.</summary>
    public sealed record Opened(FSDirectory Directory, DirectoryReader Reader, bool FullyVerified);

    /// <summary>
    /// Opens the generation; throws <see cref="GenerationDamagedException"/> when a file is missing, cut short or altered.
    /// With <paramref name="trustRecord"/> an agreeing verification record stands in for reading the files whole.
    /// </summary>
    public static Opened Open(string name, string path, bool trustRecord)
    {
        var directory = FSDirectory.Open(path);
        DirectoryReader? reader = null;
        try
        {
            reader = DirectoryReader.Open(directory);
            var files = reader.IndexCommit.FileNames;
            var disagreement = VerificationMarker.Disagreement(directory, files);
            if (trustRecord && disagreement is null)
            {
                return new Opened(directory, reader, FullyVerified: false);
            }

            VerifyAll(directory, files, CancellationToken.None);
            if (disagreement is not null)
            {
                TryRecord(directory, files);
            }

            return new Opened(directory, reader, FullyVerified: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Lucene reports damage as IOExceptions of its own, but garbage can also surface as any decoding error.
            reader?.Dispose();
            directory.Dispose();
            throw new GenerationDamagedException(name, e);
        }
    }

    /// <summary>Reads every file of the generation's commit whole; throws <see cref="GenerationDamagedException"/> on the first that does not match.</summary>
    public static void VerifyInFull(string name, FSDirectory directory, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        try
        {
            VerifyAll(directory, files, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new GenerationDamagedException(name, e);
        }
    }

    /// <summary>The build's last step before the switch: every file read whole and the result recorded for the opens to come.</summary>
    public static void VerifyAndRecord(string name, string path, CancellationToken cancellationToken)
    {
        using var directory = FSDirectory.Open(path);
        ICollection<string> files;
        using (var reader = DirectoryReader.Open(directory))
        {
            files = reader.IndexCommit.FileNames;
        }

        VerifyInFull(name, directory, files, cancellationToken);
        VerificationMarker.Write(directory, files);
    }

    private static void VerifyAll(FSDirectory directory, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            FileChecksum.VerifyEntireFile(directory, file, cancellationToken);
        }
    }

    // A generation from before records, or one whose record went stale: once read whole, later opens need not again.
    // A read-only data dir (a mounted backup) simply goes without.
    private static void TryRecord(FSDirectory directory, ICollection<string> files)
    {
        try
        {
            VerificationMarker.Write(directory, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Next open checks in full again.
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
