namespace FlinkSearch.Search;

/// <summary>A validated search: <paramref name="Page"/> counts from 1.</summary>
public sealed record SearchRequest(string Query, int Page = 1, int Size = 10, string? Section = null)
{
    public const int MaxQueryLength = 256;
    public const int MaxSize = 50;
    public const int MaxDepth = 1000;
}
