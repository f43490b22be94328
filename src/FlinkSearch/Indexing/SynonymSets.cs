using System.Security.Cryptography;
using System.Text;

namespace FlinkSearch.Indexing;

/// <summary>
/// Parsed equivalence sets of <c>synonyms.txt</c>, looked up by a key that ignores case, width, Traditional/Simplified,
/// spaces, hyphens and underscores, so <c>exactly-once</c>, <c>Exactly Once</c> and <c>ExactlyOnce</c> are one key.
/// An index build tags every occurrence of a set's term with the set's concept token (<see cref="TokenOf"/>), so a
/// query for any term of a set searches one term per set instead of every form.
/// </summary>
public sealed class SynonymSets
{
    public static readonly SynonymSets Empty = new([]);

    /// <summary>Concept tokens start with a character no analyzer emits, so they never meet a real word.</summary>
    public const char ConceptPrefix = '⁂';

    private readonly Dictionary<string, Entry> byKey = new(StringComparer.Ordinal);
    private readonly string[] tokens;

    public SynonymSets(IReadOnlyList<IReadOnlyList<string>> sets)
    {
        Sets = sets;
        tokens = new string[sets.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < sets.Count; index++)
        {
            var set = sets[index];
            var name = ConceptPrefix + KeyOf(set[0]);
            tokens[index] = used.Add(name) ? name : $"{name}#{index}";
            foreach (var term in set)
            {
                var key = KeyOf(term);
                // A lone Han character would match inside unrelated words; Chinese entries need two or more.
                if (key.Length == 0 || (key.Length == 1 && BilingualTokenizer.IsHan(key[0])))
                {
                    continue;
                }

                if (!byKey.TryGetValue(key, out var entry))
                {
                    byKey[key] = entry = new Entry([], []);
                }

                entry.Variants.AddRange(set.Where(variant => !entry.Variants.Contains(variant, StringComparer.Ordinal)));
                if (!entry.SetIndexes.Contains(index))
                {
                    entry.SetIndexes.Add(index);
                }

                LongestKey = Math.Max(LongestKey, key.Length);
            }
        }

        Version = HashOf(sets);
    }

    public IReadOnlyList<IReadOnlyList<string>> Sets { get; }

    public int LongestKey { get; }

    /// <summary>A hash of the sets' content: an index whose concept tokens came from other sets cannot be searched by token.</summary>
    public string Version { get; }

    /// <summary>Every key of every set, with the sets it belongs to (what an index build tags).</summary>
    public IEnumerable<(string Key, IReadOnlyList<int> SetIndexes)> Keys => byKey.Select(pair => (pair.Key, (IReadOnlyList<int>)pair.Value.SetIndexes));

    public static SynonymSets Parse(IEnumerable<string> lines) =>
        new([.. lines
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => (IReadOnlyList<string>)[.. line.Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)])
            .Where(set => set.Count > 1)]);

    /// <summary>Every term equivalent to the key (the term itself included), or null.</summary>
    public IReadOnlyList<string>? VariantsOf(string key) => byKey.GetValueOrDefault(key)?.Variants;

    /// <summary>True when some set has this key; looked up without making a string of the span.</summary>
    public bool HasKey(ReadOnlySpan<char> key) => byKey.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(key);

    /// <summary>The sets the key belongs to (usually one), or null.</summary>
    public IReadOnlyList<int>? SetsOf(string key) => byKey.GetValueOrDefault(key)?.SetIndexes;

    /// <summary>The indexed token standing for every term of set <paramref name="setIndex"/>.</summary>
    public string TokenOf(int setIndex) => tokens[setIndex];

    public static bool IsConceptToken(ReadOnlySpan<char> term) => term.Length > 0 && term[0] == ConceptPrefix;

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

    private static string HashOf(IReadOnlyList<IReadOnlyList<string>> sets)
    {
        var text = string.Join('\n', sets.Select(set => string.Join(',', set)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private sealed record Entry(List<string> Variants, List<int> SetIndexes);
}
