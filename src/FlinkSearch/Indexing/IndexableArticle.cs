namespace FlinkSearch.Indexing;

/// <summary>What goes into one index document: the catalog entry joined with its crawled copy, when there is one.</summary>
public sealed record IndexableArticle(
    string Id,
    string Url,
    string Title,
    IReadOnlyList<string> Sections,
    string? Note,
    string ListId,
    int Position,
    string Status,
    string? Body = null,
    string? Author = null,
    string? Account = null,
    DateTimeOffset? PublishedAt = null,
    DateTimeOffset? CrawledAt = null);

public static class ArticleStatus
{
    public const string Ok = "ok";
    public const string Uncrawled = "uncrawled";
    public const string Stale = "stale";
}
