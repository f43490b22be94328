using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FlinkSearch.Kernel;

namespace FlinkSearch.Sources;

/// <summary>One item a feed has listed: its article as the feed gives it, and when the feed last listed it.</summary>
public sealed record FeedItem(string Url, string Title, string? Author, DateTimeOffset? PublishedAt, string? Text, DateTimeOffset LastSeen);

/// <summary>What a list's feed has given so far: its validators for the next conditional request, its name, its items.</summary>
public sealed record FeedState(string FeedUrl, string? Name, string? ETag, string? LastModified, DateTimeOffset CheckedAt, IReadOnlyList<FeedItem> Items);

/// <summary>
/// <c>&lt;data-dir&gt;/crawl/feeds/&lt;list id&gt;.json</c>: the items of each list's feed, kept between crawls so that items
/// that leave the feed stay until the list's <c>keep:</c> window ends. Written whole to a temp file, then renamed.
/// </summary>
public sealed class FeedItems(DataDirectory data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private string Root => Path.Combine(data.CrawlPath, "feeds");

    public FeedState? Read(string listId)
    {
        // Asked for every article of every list during a crawl, most of them from lists without a feed.
        if (!File.Exists(PathOf(listId)))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(PathOf(listId));
            return JsonSerializer.Deserialize<FeedState>(stream, Json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            // Never fetched, or written by another version: the next crawl fetches the feed in full.
            return null;
        }
    }

    public async Task WriteAsync(string listId, FeedState state, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var target = PathOf(listId);
        var temp = $"{target}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(state, Json), cancellationToken);
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private string PathOf(string listId) => Path.Combine(Root, string.Concat(listId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')) + ".json");
}
