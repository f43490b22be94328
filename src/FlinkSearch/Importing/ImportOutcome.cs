namespace FlinkSearch.Importing;

public enum ImportResult
{
    /// <summary>Stored as the article's good copy.</summary>
    Imported,

    /// <summary>The article's good copy already has this content.</summary>
    Unchanged,

    /// <summary>An article page, but it matches no listed article; nothing stored.</summary>
    Skipped,

    /// <summary>Not an article (verification, deleted…); nothing stored.</summary>
    Refused,
}

/// <summary>The listed article a page was matched to.</summary>
public sealed record ImportedArticle(string Id, string Url, string Title);

/// <summary>What became of one saved page: the article it was matched to (and how: <c>address</c>, <c>title</c>, <c>--url</c>), or why not.</summary>
public sealed record ImportOutcome(string Page, ImportResult Result, ImportedArticle? Article, string? MatchedBy, string? Reason, string Detail)
{
    public bool Stored => Result is ImportResult.Imported or ImportResult.Unchanged;
}
