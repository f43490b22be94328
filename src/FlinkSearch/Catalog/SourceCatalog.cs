namespace FlinkSearch.Catalog;

/// <summary>All articles of all source lists, merged by canonical URL.</summary>
public sealed record SourceCatalog(IReadOnlyList<CatalogEntry> Entries, IReadOnlyList<SourceList> Lists, IReadOnlyList<SourceWarning> Warnings)
{
    public IEnumerable<string> SectionNames => Entries.SelectMany(e => e.Sections).Distinct(StringComparer.Ordinal);

    /// <summary>False when a list could not be read or nothing is listed: then an article missing from it may still be meant.</summary>
    public bool IsComplete => Entries.Count > 0 && !Warnings.Any(w => w.FileUnreadable);

    /// <summary>
    /// Merges the links of every list (by default its Markdown links; the source types add theirs) into one entry per
    /// canonical URL, in list order.
    /// </summary>
    public static SourceCatalog Merge(IReadOnlyList<SourceList> lists, IReadOnlyList<SourceWarning> warnings, Func<SourceList, IEnumerable<SourceLink>>? linksOf = null)
    {
        linksOf ??= list => list.Links;
        var byKey = new Dictionary<string, (SourceLink First, string ListId, int Position, List<string> Sections)>();
        var order = new List<string>();
        foreach (var list in lists.OrderBy(l => l.Order).ThenBy(l => l.Id, StringComparer.Ordinal))
        {
            var position = 0;
            foreach (var link in linksOf(list))
            {
                position++;
                if (byKey.TryGetValue(link.Url.Key, out var existing))
                {
                    if (!existing.Sections.Contains(link.Section))
                    {
                        existing.Sections.Add(link.Section);
                    }

                    continue;
                }

                byKey[link.Url.Key] = (link, list.Id, position, [link.Section]);
                order.Add(link.Url.Key);
            }
        }

        var entries = order.Select(key =>
        {
            var (first, listId, position, sections) = byKey[key];
            return new CatalogEntry(first.Url.Id, first.Url.Url, first.Title, sections, listId, position, first.Note);
        }).ToList();
        return new SourceCatalog(entries, lists, warnings);
    }
}
