using FlinkSearch.Catalog;
using FlinkSearch.Crawling;

namespace FlinkSearch.Importing;

/// <summary>
/// Finds the listed article a saved page is, in order: an address the page gives for itself (also through the aliases
/// earlier crawls and imports remembered), then its exact title, then the address the operator named. Two articles
/// with the same title match neither by title: a page is never guessed.
/// </summary>
public sealed class ImportMatcher
{
    private readonly Dictionary<string, CatalogEntry> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogEntry> byId = new(StringComparer.Ordinal);
    private readonly ILookup<string, CatalogEntry> byTitle;
    private readonly IReadOnlyDictionary<string, string> aliases;

    public ImportMatcher(SourceCatalog catalog, IEnumerable<CrawlRecord> records)
    {
        foreach (var entry in catalog.Entries)
        {
            byId[entry.Id] = entry;
            if (CanonicalUrl.TryParse(entry.Url, out var url))
            {
                byKey[url!.Key] = entry;
            }
        }

        byTitle = catalog.Entries.ToLookup(e => NormalizeSpace(e.Title), StringComparer.Ordinal);
        aliases = RecordAliases.Index(records);
    }

    public (CatalogEntry Entry, string By)? Match(IEnumerable<string> declaredUrls, string? title, string? operatorUrl)
    {
        if (declaredUrls.Select(Find).FirstOrDefault(e => e is not null) is { } declared)
        {
            return (declared, "address");
        }

        if (title is not null && byTitle[NormalizeSpace(title)].ToList() is [var only])
        {
            return (only, "title");
        }

        return operatorUrl is not null && Find(operatorUrl) is { } named ? (named, "--url") : null;
    }

    /// <summary>The listed article at this address, directly or through a remembered alias.</summary>
    public CatalogEntry? Find(string address) =>
        !CanonicalUrl.TryParse(address, out var url) ? null
        : byKey.TryGetValue(url!.Key, out var entry) ? entry
        : aliases.TryGetValue(url.Key, out var id) ? byId.GetValueOrDefault(id)
        : null;

    private static string NormalizeSpace(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
