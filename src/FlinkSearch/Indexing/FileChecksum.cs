using System.Buffers;
using System.IO.Hashing;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace FlinkSearch.Indexing;

/// <summary>
/// Lucene's per-file checksum: every index file ends in a 16-byte footer (magic, algorithm 0, then the CRC-32 of all the
/// bytes before the checksum). <see cref="Footer"/> reads only the footer; <see cref="VerifyEntireFile"/> reads the whole
/// file through a small buffer and compares. Same check as <c>CodecUtil.ChecksumEntireFile</c>, but without mapping the
/// file into the process (which counted the whole index as resident memory) and with a hardware CRC instead of
/// Lucene.Net's managed one: ~11 s and ~1 GB resident at 100k documents before (docs/benchmarks.md §12).
/// </summary>
public static class FileChecksum
{
    private const int BufferBytes = 1 << 20;
    private static readonly int FooterBytes = CodecUtil.FooterLength();

    /// <summary>The checksum recorded in the file's footer, after checking the footer is well formed; throws <see cref="CorruptIndexException"/>.</summary>
    public static long Footer(LuceneDirectory directory, string file)
    {
        using var input = directory.OpenInput(file, IOContext.READ_ONCE);
        return CodecUtil.RetrieveChecksum(input);
    }

    /// <summary>Reads all of the file and throws <see cref="CorruptIndexException"/> unless its bytes match the checksum in its well-formed footer.</summary>
    public static void VerifyEntireFile(FSDirectory directory, string name, CancellationToken cancellationToken = default)
    {
        var expected = Footer(directory, name);
        var path = Path.Combine(directory.Directory.FullName, name);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var length = file.Length;
        if (length < FooterBytes)
        {
            throw Corrupt($"{length} bytes, shorter than a footer", path);
        }

        var crc = new Crc32();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            // The checksum covers everything up to the 8 bytes that hold it.
            for (var left = length - sizeof(long); left > 0;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0)
                {
                    throw Corrupt("ended early while checksumming", path);
                }

                crc.Append(buffer.AsSpan(0, read));
                left -= read;
            }

            var actual = (long)crc.GetCurrentHashAsUInt32();
            if (actual != expected)
            {
                throw Corrupt($"checksum failed (hardware problem?) : expected={expected:x} actual={actual:x}", path);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Worded as Lucene words it, naming the file.
    private static CorruptIndexException Corrupt(string problem, string path) => new($"{problem} (resource={path})");
}
