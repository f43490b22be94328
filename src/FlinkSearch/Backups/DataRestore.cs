using System.Formats.Tar;
using System.IO.Compression;

namespace FlinkSearch.Backups;

/// <summary>
/// Unpacks a backup into an empty data dir. Only plain files with relative names inside the target are accepted, and
/// they land in a temp folder beside the target that is renamed into place at the end, so a broken archive leaves nothing.
/// </summary>
public static class DataRestore
{
    /// <summary>Restores <paramref name="archive"/> into <paramref name="target"/>, which must be missing or empty.</summary>
    /// <exception cref="BackupException">The target is not empty, or the archive is not a backup.</exception>
    public static async Task<int> RestoreAsync(string archive, string target, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(target);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new BackupException($"{root} is not empty; restore only into an empty or new data directory.");
        }

        var staging = root.TrimEnd(Path.DirectorySeparatorChar) + ".restoring-" + Environment.ProcessId;
        Directory.CreateDirectory(staging);
        try
        {
            var files = await UnpackAsync(archive, staging, cancellationToken);
            if (!File.Exists(Path.Combine(staging, "index", "current")) && !Directory.Exists(Path.Combine(staging, "sources")))
            {
                throw new BackupException($"{archive} holds neither source lists nor an index; it is not a FlinkSearch backup.");
            }

            if (Directory.Exists(root))
            {
                Directory.Delete(root);
            }

            Directory.Move(staging, root);
            return files;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task<int> UnpackAsync(string archive, string staging, CancellationToken cancellationToken)
    {
        var files = 0;
        try
        {
            await using var file = new FileStream(archive, FileMode.Open, FileAccess.Read);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.Directory))
                {
                    throw new BackupException($"{archive} holds '{entry.Name}', which is not a plain file; refused.");
                }

                var destination = Path.GetFullPath(Path.Combine(staging, entry.Name));
                if (Path.IsPathRooted(entry.Name) || !destination.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new BackupException($"{archive} names '{entry.Name}', outside the data directory; refused.");
                }

                if (entry.EntryType == TarEntryType.Directory)
                {
                    Directory.CreateDirectory(destination);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
                if (entry.DataStream is { } data)
                {
                    await data.CopyToAsync(output, cancellationToken);
                }

                files++;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new BackupException($"{archive} is not a readable .tar.gz ({e.Message}).", e);
        }

        return files;
    }
}

/// <summary>A backup or restore that cannot go ahead, with a message for the operator.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
