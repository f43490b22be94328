namespace FlinkSearch.Extraction;

/// <summary>The crawl failure reasons of the contract; extraction produces the first group, fetching the rest.</summary>
public static class FailureReasons
{
    public const string Verification = "verification";
    public const string Deleted = "deleted";
    public const string Violation = "violation";
    public const string Unavailable = "unavailable";
    public const string Migrated = "migrated";
    public const string BadLink = "bad-link";
    public const string Empty = "empty";

    public const string Timeout = "timeout";
    public const string TooLarge = "too-large";
    public const string NotHtml = "not-html";
    public const string BlockedAddress = "blocked-address";
    public const string Robots = "robots";
    public const string Network = "network";

    public static string Http(int status) => $"http-{status}";

    /// <summary>Answers that mean the article itself is gone; they count toward <c>Crawler:GoneAfter</c>.</summary>
    public static bool MeansGone(string? reason) => reason is Deleted or Violation;
}
