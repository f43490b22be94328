using System.ComponentModel.DataAnnotations;

namespace FlinkSearch.Search;

/// <summary>The <c>Search</c> config section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How many recent responses to keep for repeated queries; 0 turns the cache off.</summary>
    [Range(0, 1_000_000)]
    public int ResponseCacheEntries { get; set; } = 1_000;
}
