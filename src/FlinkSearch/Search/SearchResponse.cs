using System.Text.Json.Serialization;
using FlinkSearch.Indexing;

namespace FlinkSearch.Search;

/// <summary>
/// One page of results; <see cref="Generation"/> (the index build that answered) travels as a header, not in the body.
/// When the typed text found little and its spelling correction found more, the hits are the correction's:
/// <see cref="Query"/> is the corrected text and <see cref="CorrectedFrom"/> the typed one. <see cref="DidYouMean"/> is
/// the correction offered, not applied (the request asked for the text as typed).
/// </summary>
public sealed record SearchResponse(
    string Query,
    int Total,
    int Page,
    int Size,
    double TookMs,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<SectionCount> Sections,
    IReadOnlyList<AccountCount> Accounts,
    string? DidYouMean,
    string? CorrectedFrom,
    [property: JsonIgnore] string? Generation = null);

/// <summary>One result; dates are UTC. <see cref="Title"/> and <see cref="Snippet"/> are HTML whose only markup is <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(
    string Id,
    string Url,
    string Title,
    string Section,
    IReadOnlyList<string> Sections,
    string Snippet,
    string? Author,
    string? Account,
    DateTime? PublishedAt,
    DateTime? CrawledAt,
    string Status,
    float Score)
{
    /// <summary>A hit of a stored article, its title and snippet already marked (HTML).</summary>
    public static SearchHit Of(StoredArticle article, string title, string snippet, float score) => new(
        article.Id,
        article.Url,
        title,
        article.Sections.FirstOrDefault() ?? "",
        article.Sections,
        snippet,
        article.Author,
        article.Account,
        article.PublishedAt?.UtcDateTime,
        article.CrawledAt?.UtcDateTime,
        article.Status,
        MathF.Round(score, 3));
}

public sealed record SectionCount(string Name, int Count);

public sealed record AccountCount(string Name, int Count);
