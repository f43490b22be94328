namespace FlinkSearch.Search;

/// <summary>How hits are ordered: by relevance, or newest published first (unknown dates last, ties by relevance).</summary>
public enum SearchSort
{
    Relevance,
    Newest,
}
