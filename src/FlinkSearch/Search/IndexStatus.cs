using FlinkSearch.Indexing;

namespace FlinkSearch.Search;

/// <summary>What the API tells about the index being served (readiness, generation, size), without handing it out.</summary>
public sealed class IndexStatus(ServingIndex serving)
{
    public bool IsReady => serving.IsReady;

    /// <summary>The generation being served, or null before the first one opens.</summary>
    public string? Generation => serving.Metadata?.Generation;

    /// <summary>Set while a damaged generation is bypassed: which one, why, and what serves instead.</summary>
    public string? Fallback => serving.Fallback?.ToString();

    /// <summary>Facts about the generation being served, or null before the first one opens.</summary>
    public ServedIndex? Current => serving.Metadata is { } metadata
        ? new ServedIndex(metadata.Generation, metadata.BuiltAt, metadata.Documents, metadata.Crawled, metadata.Uncrawled)
        : null;
}

public sealed record ServedIndex(string Generation, DateTimeOffset BuiltAt, int Documents, int Crawled, int Uncrawled);
