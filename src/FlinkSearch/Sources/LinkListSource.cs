using FlinkSearch.Catalog;

using FlinkSearch.Crawling;

namespace FlinkSearch.Sources;

/// <summary>The Markdown list itself: every link under a heading is an article (parsed by <see cref="SourceListParser"/>).</summary>
public sealed class LinkListSource : ISourceType
{
    public string Name => "list";

    public IEnumerable<SourceLink> Links(SourceList list) => list.Links;
}
