using FlinkSearch.Catalog;

namespace FlinkSearch.Crawling;

/// <summary>
/// A record's other addresses: canonical URLs its pages gave for themselves that differ from the listed one (WeChat's long
/// <c>__biz/mid/idx/sn</c> form of a <c>/s/&lt;id&gt;</c> link). Once seen, an import can match a page by either form.
/// </summary>
public static class RecordAliases
{
    /// <summary>The aliases a record had plus the declared addresses not yet among them, without the entry's own.</summary>
    public static IReadOnlyList<string> With(IReadOnlyList<string>? known, CatalogEntry entry, IEnumerable<string> declared)
    {
        var own = CanonicalUrl.TryParse(entry.Url, out var listed) ? listed!.Key : entry.Url;
        var aliases = new List<string>(known ?? []);
        var keys = aliases.Select(KeyOf).Append(own).ToHashSet(StringComparer.Ordinal);
        foreach (var address in declared)
        {
            if (CanonicalUrl.TryParse(address, out var canonical) && keys.Add(canonical!.Key))
            {
                aliases.Add(canonical.Url);
            }
        }

        return aliases.Count == (known?.Count ?? 0) && known is not null ? known : aliases;
    }

    /// <summary>Every alias of every record, by canonical key, naming the record's id.</summary>
    public static IReadOnlyDictionary<string, string> Index(IEnumerable<CrawlRecord> records)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var alias in record.Aliases)
            {
                index.TryAdd(KeyOf(alias), record.Id);
            }
        }

        return index;
    }

    private static string KeyOf(string url) => CanonicalUrl.TryParse(url, out var canonical) ? canonical!.Key : url;
}
