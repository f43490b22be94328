namespace FlinkSearch.Indexing;

/// <summary>One occurrence of a synonym entry in a text: its span and the sets it belongs to.</summary>
public readonly record struct ConceptMatch(int Start, int End, IReadOnlyList<int> SetIndexes);

/// <summary>
/// Finds every occurrence of every synonym entry in a text, overlapping ones included (<c>滚动窗口</c> holds both
/// 滚动窗口 and 窗口), by walking a trie of the entries' keys from each place an entry may start. Chinese entries match
/// anywhere, Latin ones on word boundaries (a plural ending allowed), exactly as a query's concepts are cut.
/// </summary>
public sealed class ConceptTagger
{
    private readonly Node root = new();

    public ConceptTagger(SynonymSets sets)
    {
        Sets = sets;
        foreach (var (key, setIndexes) in sets.Keys)
        {
            var node = root;
            foreach (var c in key)
            {
                node = node.Children.TryGetValue(c, out var child) ? child : node.Children[c] = new Node();
            }

            node.SetIndexes = setIndexes;
        }
    }

    public SynonymSets Sets { get; }

    /// <summary>The matches ordered by start, then by length (longest first).</summary>
    public List<ConceptMatch> Find(string text)
    {
        var matches = new List<ConceptMatch>();
        if (root.Children.Count == 0)
        {
            return matches;
        }

        var keys = SynonymKeys.Of(text);
        for (var k = 0; k < keys.Length; k++)
        {
            if (!keys.IsBoundary(k))
            {
                continue;
            }

            var first = matches.Count;
            var node = root;
            for (var j = k; j < keys.Length && node.Children.TryGetValue(keys.Key[j], out var next); j++)
            {
                node = next;
                if (node.SetIndexes is not { } sets)
                {
                    continue;
                }

                var end = keys.IsBoundary(j + 1) ? j + 1 : keys.PluralEnd(j + 1);
                if (end > 0)
                {
                    matches.Add(new ConceptMatch(keys.StartOf(k), keys.EndOf(end), sets));
                }
            }

            // Found shortest first; longest first reads better in the token stream and in marks.
            matches.Reverse(first, matches.Count - first);
        }

        return matches;
    }

    private sealed class Node
    {
        public Dictionary<char, Node> Children { get; } = [];
        public IReadOnlyList<int>? SetIndexes { get; set; }
    }
}
