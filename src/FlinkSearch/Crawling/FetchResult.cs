namespace FlinkSearch.Crawling;

public enum FetchOutcome
{
    Content,
    NotModified,
    Failed,
}

/// <summary>The validators a server gave for a page, sent back on the next crawl as a conditional request.</summary>
public sealed record HttpValidators(string? ETag, string? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>The answer to one page fetch after retries and redirects: decoded text, "not modified", or a failure reason.</summary>
public sealed record FetchResult(
    FetchOutcome Outcome,
    Uri FinalUrl,
    int? StatusCode,
    string? Text,
    HttpValidators? Validators,
    string? FailureReason,
    string? Detail)
{
    public static FetchResult Failed(Uri url, string reason, string detail, int? status = null) =>
        new(FetchOutcome.Failed, url, status, null, null, reason, detail);
}

/// <summary>Why a hop was not asked for: a failure reason from the contract's list and the details.</summary>
public sealed record HopRefusal(string Reason, string Detail);
