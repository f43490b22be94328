using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FlinkSearch.Kernel;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlinkSearch.Crawling;

/// <summary>
/// <c>&lt;data-dir&gt;/crawl/&lt;id&gt;.json</c>, one file per canonical URL. Every write goes to a temp file that is
/// flushed and then renamed over the record, so a killed process leaves each record old or new, never torn. A record
/// damaged on disk reads as missing, with a warning: that article is uncrawled until the next crawl rewrites it.
/// </summary>
/// <param name="createFile">Creates a temp file to write a record to; a plain file unless a test injects faults.</param>
public sealed partial class CrawlStore(DataDirectory data, ILogger<CrawlStore>? logger = null, Func<string, Stream>? createFile = null)
{
    private const string Extension = ".json";
    private const string TempMarker = ".tmp-";
    private const string LockFile = "crawl.lock";

    private readonly ILogger log = logger ?? NullLogger<CrawlStore>.Instance;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string Root => data.CrawlPath;

    public string PathOf(string id) => Path.Combine(Root, id + Extension);

    /// <summary>True once anything was ever crawled into this data dir.</summary>
    public bool HasRecords => Directory.Exists(Root) && Directory.EnumerateFiles(Root, "*" + Extension).Any();

    public CrawlRecord? TryRead(string id)
    {
        try
        {
            using var stream = File.OpenRead(PathOf(id));
            return JsonSerializer.Deserialize<CrawlRecord>(stream, Json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException e)
        {
            LogDamaged(PathOf(id), e.Message);
            return null;
        }
    }

    /// <summary>Every readable record by id; a record that cannot be parsed is skipped (and will be refetched).</summary>
    public IReadOnlyDictionary<string, CrawlRecord> ReadAll()
    {
        var records = new Dictionary<string, CrawlRecord>(StringComparer.Ordinal);
        if (!Directory.Exists(Root))
        {
            return records;
        }

        foreach (var file in Directory.EnumerateFiles(Root, "*" + Extension))
        {
            try
            {
                using var stream = File.OpenRead(file);
                if (JsonSerializer.Deserialize<CrawlRecord>(stream, Json) is { } record)
                {
                    records[record.Id] = record;
                }
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                // Damaged, from an unknown future version, or a disk error: the URL counts as not yet crawled.
                LogDamaged(file, e.Message);
            }
        }

        return records;
    }

    public async Task WriteAsync(CrawlRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var target = PathOf(record.Id);
        var temp = $"{target}{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            await using (var stream = createFile?.Invoke(temp) ?? new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, FileOptions.Asynchronous))
            {
                await JsonSerializer.SerializeAsync(stream, record, Json, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                if (stream is FileStream file)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e)
        {
            File.Delete(temp);
            if (DiskFullException.From(e, $"writing the crawl record of {record.Url}") is { } full && full != e)
            {
                throw full;
            }

            throw;
        }
    }

    /// <summary>Removes a record for good (housekeeping of URLs no longer listed).</summary>
    public void Delete(string id) => File.Delete(PathOf(id));

    /// <summary>Removes temp files left by a process killed mid-write; the records they were meant to replace are intact.</summary>
    public int DeleteLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Root, "*" + Extension + TempMarker + "*"))
        {
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (IOException)
            {
                // Another crawler's write in progress; not ours to remove.
            }
        }

        return removed;
    }

    /// <summary>One crawl at a time per data dir, across processes (CLI and server).</summary>
    public IDisposable AcquireCrawlLock() =>
        FileLock.TryAcquire(Path.Combine(Root, LockFile)) ?? throw new CrawlBusyException("Another crawl is running on this data directory.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crawl record {Path} is damaged and was skipped; its article counts as uncrawled until the next crawl rewrites it: {Error}")]
    private partial void LogDamaged(string path, string error);
}

public sealed class CrawlBusyException(string message) : Exception(message);
