namespace FlinkSearch.Extraction;

/// <summary>What extraction keeps of one article page: plain text with paragraph and code lines on lines of their own.</summary>
public sealed record ExtractedArticle(
    string? Title,
    string? Author,
    string? Account,
    DateTimeOffset? PublishedAt,
    string? Description,
    string? CoverUrl,
    string Text);

/// <summary>Either an article or the reason the page is not one (a WeChat error page, an empty body).</summary>
public sealed record ExtractionResult(ExtractedArticle? Article, string? FailureReason, string? Detail)
{
    public bool IsArticle => Article is not null;

    /// <summary>
    /// The addresses an article page gives for itself (<c>og:url</c>, canonical link, WeChat's <c>msg_link</c>), as written.
    /// Kept apart from the article so that they never change its content hash.
    /// </summary>
    public IReadOnlyList<string> DeclaredUrls { get; init; } = [];

    public static ExtractionResult Success(ExtractedArticle article) => new(article, null, null);

    public static ExtractionResult Failure(string reason, string detail) => new(null, reason, detail);
}
