namespace FlinkSearch.Catalog;

/// <summary>One article as listed in the source lists; an article listed in several sections is one entry.</summary>
public sealed record CatalogEntry(
    string Id,
    string Url,
    string Title,
    IReadOnlyList<string> Sections,
    string ListId,
    int Position,
    string? Note)
{
    public string Section => Sections[0];
}
