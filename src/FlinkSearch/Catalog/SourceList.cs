namespace FlinkSearch.Catalog;

/// <summary>One link as it stands in one source file, before links listed twice are merged.</summary>
public sealed record SourceLink(CanonicalUrl Url, string Title, string Section, int Line, string? Note);

/// <summary>A parsed source list: its front matter and its Markdown links in order.</summary>
public sealed record SourceList(string Id, string Title, int Order, string Path, IReadOnlyList<SourceLink> Links)
{
    /// <summary>Every front matter key as written (<c>feed</c>, <c>section</c>, <c>keep</c>…), for the source types to read.</summary>
    public IReadOnlyDictionary<string, string> FrontMatter { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A problem in a source file that was skipped rather than stopping the load; <paramref name="FileUnreadable"/> when the whole file was.</summary>
public sealed record SourceWarning(string Path, int Line, string Message, bool FileUnreadable = false)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}
