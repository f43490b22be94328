using System.Formats.Tar;
using System.IO.Compression;
using FlinkSearch.Analytics;
using FlinkSearch.Indexing;
using FlinkSearch.Kernel;

namespace FlinkSearch.Backups;

/// <summary>
/// Writes a data dir as a <c>.tar.gz</c> while servers and builds keep running: the source lists, synonyms, crawl
/// store, takedowns, run history, console keys, the analytics (SQLite's online backup) and the generation being served
/// with a <c>current</c> pointer to it. Every file is read through one open handle, and every writer in the data dir
/// replaces files by rename, so each file in the archive is whole; the served generation is never changed once written.
/// </summary>
public sealed partial class DataBackup(DataDirectory data, IndexGenerations generations, AnalyticsDatabase analytics, ILogger<DataBackup> logger)
{
    /// <summary>The parts copied file by file, as paths relative to the data dir.</summary>
    private static readonly string[] Folders = ["sources", "crawl", "admin-keys"];

    private static readonly string[] Files = ["synonyms.txt", "hidden.json", Path.Combine("jobs", "reindex-runs.json")];

    private const int GenerationAttempts = 5;

    public async Task<BackupSummary> WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        var files = 0;
        await using var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in Files)
            {
                files += await AddFileAsync(tar, file, cancellationToken) ? 1 : 0;
            }

            foreach (var folder in Folders)
            {
                foreach (var path in FilesUnder(Path.Combine(data.Root, folder)))
                {
                    files += await AddFileAsync(tar, Path.GetRelativePath(data.Root, path), cancellationToken) ? 1 : 0;
                }
            }

            files += await AddAnalyticsAsync(tar, cancellationToken) ? 1 : 0;
            var (generation, indexFiles) = await AddGenerationAsync(tar, cancellationToken);
            files += indexFiles;
            LogWritten(files, generation ?? "none");
            return new BackupSummary(files, generation);
        }
    }

    /// <summary>Writes the archive to <paramref name="path"/> through a temp file renamed into place, so a failed backup leaves no half-written file.</summary>
    public async Task<BackupSummary> WriteToFileAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            BackupSummary summary;
            await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                summary = await WriteAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            return summary;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static IEnumerable<string> FilesUnder(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).Contains(".tmp-", StringComparison.Ordinal) && !path.EndsWith(".lock", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
        : [];

    /// <summary>Adds one file under its data-dir-relative name; false when it does not exist (or was removed meanwhile).</summary>
    private async Task<bool> AddFileAsync(TarWriter tar, string relative, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(Path.Combine(data.Root, relative), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        await using (stream)
        {
            await WriteEntryAsync(tar, relative, stream, cancellationToken);
        }

        return true;
    }

    private async Task<bool> AddAnalyticsAsync(TarWriter tar, CancellationToken cancellationToken)
    {
        if (!File.Exists(analytics.FilePath))
        {
            return false;
        }

        var copy = Path.Combine(Path.GetTempPath(), $"flinksearch-analytics-{Guid.NewGuid():N}.db");
        try
        {
            analytics.BackupTo(copy);
            await using var stream = new FileStream(copy, FileMode.Open, FileAccess.Read);
            await WriteEntryAsync(tar, AnalyticsDatabase.FileName, stream, cancellationToken);
            return true;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>
    /// The served generation, leased (so no server's cleanup deletes it meanwhile) and its files opened first; one
    /// deleted between reading the pointer and leasing it (two builds went by) is replaced by the current one.
    /// </summary>
    private async Task<(string? Generation, int Files)> AddGenerationAsync(TarWriter tar, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (generations.Current is not { } generation)
            {
                return (null, 0);
            }

            using var lease = generations.TryLease(generation);
            if (lease is null && attempt < GenerationAttempts)
            {
                continue;
            }

            var opened = new List<(string Relative, FileStream Stream)>();
            try
            {
                foreach (var path in FilesUnder(generations.PathOf(generation)))
                {
                    opened.Add((Path.GetRelativePath(data.Root, path), new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)));
                }
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && attempt < GenerationAttempts)
            {
                Close(opened);
                continue;
            }

            try
            {
                foreach (var (relative, stream) in opened)
                {
                    await WriteEntryAsync(tar, relative, stream, cancellationToken);
                }
            }
            finally
            {
                Close(opened);
            }

            // The pointer goes last and names exactly the generation archived above.
            using var pointer = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(generation));
            await WriteEntryAsync(tar, Path.Combine("index", "current"), pointer, cancellationToken);
            return (generation, opened.Count + 1);
        }
    }

    private static void Close(List<(string Relative, FileStream Stream)> opened)
    {
        foreach (var (_, stream) in opened)
        {
            stream.Dispose();
        }
    }

    private static async Task WriteEntryAsync(TarWriter tar, string relative, Stream content, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, relative.Replace(Path.DirectorySeparatorChar, '/'))
        {
            DataStream = content,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        };
        await tar.WriteEntryAsync(entry, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written: {Files} files, index generation {Generation}")]
    private partial void LogWritten(int files, string generation);
}

/// <param name="Generation">The index generation in the archive; null when the data dir had none yet.</param>
public sealed record BackupSummary(int Files, string? Generation);
