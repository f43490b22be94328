namespace FlinkSearch.Search;

/// <summary>
/// A validated search: <paramref name="Page"/> counts from 1. <paramref name="Accounts"/> (any of them),
/// <paramref name="From"/> and <paramref name="To"/> (days in China time, inclusive) narrow it like the section. With
/// <paramref name="Correct"/> a query that finds little is answered with its spelling correction when that finds more;
/// without, the correction is only suggested.
/// </summary>
public sealed record SearchRequest(
    string Query, int Page = 1, int Size = 10, string? Section = null,
    SearchSort Sort = SearchSort.Relevance, IReadOnlyList<string>? Accounts = null, DateOnly? From = null, DateOnly? To = null,
    bool Correct = true)
{
    public const int MaxQueryLength = 256;
    public const int MaxSize = 50;
    public const int MaxDepth = 1000;
    public const int MaxAccounts = 20;
    public const int MaxAccountLength = 100;
}
