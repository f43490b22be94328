using System.Text;
using FlinkSearch.Indexing;

namespace FlinkSearch.Search;

/// <summary>
/// Parsed equivalence sets of <c>synonyms.txt</c>, looked up by a key that ignores case, width, Traditional/Simplified,
/// spaces, hyphens and underscores, so <c>exactly-once</c>, <c>Exactly Once</c> and <c>ExactlyOnce</c> are one key.
/// </summary>
public sealed class SynonymSets
{
    public static readonly SynonymSets Empty = new([]);

    private readonly Dictionary<string, List<string>> byKey = new(StringComparer.Ordinal);

    public SynonymSets(IReadOnlyList<IReadOnlyList<string>> sets)
    {
        Sets = sets;
        foreach (var set in sets)
        {
            foreach (var term in set)
            {
                var key = KeyOf(term);
                // A lone Han character would match inside unrelated words; Chinese entries need two or more.
                if (key.Length == 0 || (key.Length == 1 && BilingualTokenizer.IsHan(key[0])))
                {
                    continue;
                }

                var variants = byKey.TryGetValue(key, out var known) ? known : byKey[key] = [];
                variants.AddRange(set.Where(variant => !variants.Contains(variant, StringComparer.Ordinal)));
                LongestKey = Math.Max(LongestKey, key.Length);
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<string>> Sets { get; }

    public int LongestKey { get; }

    public static SynonymSets Parse(IEnumerable<string> lines) =>
        new([.. lines
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => (IReadOnlyList<string>)[.. line.Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)])
            .Where(set => set.Count > 1)]);

    /// <summary>Every term equivalent to the key (the term itself included), or null.</summary>
    public IReadOnlyList<string>? VariantsOf(string key) => byKey.GetValueOrDefault(key);

    public static string KeyOf(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = CharacterFolding.Fold(c);
            if (char.IsLetterOrDigit(folded))
            {
                key.Append(char.ToLowerInvariant(folded));
            }
        }

        return key.ToString();
    }
}
