using System.Globalization;
using FlinkSearch.Kernel;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Indexing;

/// <summary>
/// Refuses to start a build on a file system that is nearly full (Elasticsearch's disk watermark, in one number): a build
/// that runs out of space half-way fails anyway, after minutes of work and with the disk at its fullest.
/// </summary>
public sealed class FreeSpaceGuard(IndexGenerations generations, IOptions<IndexSettings> options)
{
    /// <summary>The free space a build needs now: <c>Index:MinFreeSpace</c>, or twice the generation being served.</summary>
    public long RequiredBytes() =>
        options.Value.MinFreeBytes ?? (generations.Current is { } current ? 2 * generations.SizeOf(current) : 0);

    /// <summary>Throws <see cref="DiskFullException"/> when less than <see cref="RequiredBytes"/> is free.</summary>
    public void EnsureRoomForBuild()
    {
        var required = RequiredBytes();
        if (required <= 0)
        {
            return;
        }

        var free = generations.AvailableFreeSpace();
        if (free < required)
        {
            throw new DiskFullException(
                $"{DiskFullException.Reason}: {Megabytes(free)} free where the index lives, under the {Megabytes(required)} a build needs " +
                "(Index:MinFreeSpace, by default twice the generation being served); the build was not started.");
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";
}
