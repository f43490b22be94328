namespace FlinkSearch.Indexing;

/// <summary>
/// What an incremental build does to the previous generation's documents: keep those whose fingerprint is today's,
/// rewrite the changed ones, add the new and delete those no longer listed.
/// </summary>
public sealed record CarryOverPlan(IReadOnlyList<IndexableArticle> Written, IReadOnlySet<string> Replaced, IReadOnlyList<string> Removed, int Carried)
{
    public int Updated => Replaced.Count;
    public int Added => Written.Count - Replaced.Count;

    /// <summary>The plan, or null when the articles repeat an id (only a full build writes them as given).</summary>
    public static CarryOverPlan? Make(IReadOnlyDictionary<string, long> indexed, IReadOnlyList<IndexableArticle> articles)
    {
        var listed = new HashSet<string>(articles.Count, StringComparer.Ordinal);
        var written = new List<IndexableArticle>();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (!listed.Add(article.Id))
            {
                return null;
            }

            if (!indexed.TryGetValue(article.Id, out var fingerprint))
            {
                written.Add(article);
            }
            else if (fingerprint != ArticleFingerprint.Compute(article))
            {
                written.Add(article);
                replaced.Add(article.Id);
            }
        }

        var removed = indexed.Keys.Where(id => !listed.Contains(id)).ToList();
        return new CarryOverPlan(written, replaced, removed, articles.Count - written.Count);
    }
}
