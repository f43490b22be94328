using System.Text.RegularExpressions;
using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// One wrong character in a Chinese term (水位先 for 水位线, 检察点 for 检查点). Only a term standing alone (a run of
/// three or four Han characters between spaces, Latin words or punctuation) is corrected, only when its characters
/// occur together nowhere in the index, and only to a known word of the same length that differs in one place: longer
/// runs are sentences whose every window would look like a typo of something.
/// </summary>
public static partial class HanTypos
{
    private static readonly string[] GramFields = [IndexFields.TitleGrams, IndexFields.AllGrams, IndexFields.NoteGrams];

    /// <summary>True when the text has a term <see cref="Correct"/> would look at.</summary>
    public static bool HasStandaloneTerm(string text) => StandaloneTerm().IsMatch(text);

    /// <summary>The text with each unknown term replaced by its closest known word, or null when none was replaced.</summary>
    public static string? Correct(IndexReader reader, string text, HanWords indexWords, HanWords synonymWords)
    {
        var terms = new TermLookup(reader);
        var changed = false;
        var corrected = StandaloneTerm().Replace(text, match =>
        {
            var typed = CharacterFolding.Fold(match.Value);
            if (indexWords.Contains(typed) || synonymWords.Contains(typed) || OccursIn(reader, terms, typed)
                || (indexWords.Closest(typed) ?? synonymWords.Closest(typed)) is not { } replacement)
            {
                return match.Value;
            }

            changed = true;
            return replacement;
        });
        return changed ? corrected : null;
    }

    // The characters one after another in some title, body or note: the bigram fields hold every pair.
    private static bool OccursIn(IndexReader reader, TermLookup terms, string han)
    {
        foreach (var field in GramFields)
        {
            var bigrams = Enumerable.Range(0, han.Length - 1).Select(i => new Term(field, han.Substring(i, 2))).ToList();
            if (bigrams.Any(bigram => terms.DocFreq(bigram) == 0))
            {
                continue;
            }

            var phrase = new PhraseQuery();
            for (var i = 0; i < bigrams.Count; i++)
            {
                phrase.Add(bigrams[i], i);
            }

            var collector = new AnyHit();
            new IndexSearcher(reader).Search(phrase, collector);
            if (collector.Found)
            {
                return true;
            }
        }

        return false;
    }

    // Stops each segment at its first match: whether the phrase occurs is all that is asked, and common phrases
    // (窗口函数) would otherwise be walked to their last occurrence on every such query.
    private sealed class AnyHit : ICollector
    {
        public bool Found { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            if (Found)
            {
                throw new CollectionTerminatedException();
            }
        }

        public void Collect(int doc)
        {
            Found = true;
            throw new CollectionTerminatedException();
        }
    }

    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}\p{IsCJKCompatibilityIdeographs}])[\p{IsCJKUnifiedIdeographs}\p{IsCJKCompatibilityIdeographs}]{3,4}(?![\p{IsCJKUnifiedIdeographs}\p{IsCJKCompatibilityIdeographs}])")]
    private static partial Regex StandaloneTerm();
}

/// <summary>
/// Known Chinese words of three or four characters with how many documents hold them, found by any one character
/// left out: each word is filed under its forms with one character blanked, so the words one character away from a
/// typed term are the few filed under the term's own blanked forms.
/// </summary>
public sealed class HanWords
{
    private const char Blank = '*';
    private readonly HashSet<string> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Word, int Frequency)>> byBlanked = new(StringComparer.Ordinal);

    public HanWords(IEnumerable<(string Word, int Frequency)> entries)
    {
        foreach (var (word, frequency) in entries)
        {
            if (!IsWord(word) || !words.Add(word))
            {
                continue;
            }

            for (var i = 0; i < word.Length; i++)
            {
                var blanked = Blanked(word, i);
                if (!byBlanked.TryGetValue(blanked, out var list))
                {
                    byBlanked[blanked] = list = [];
                }

                list.Add((word, frequency));
            }
        }
    }

    public int Count => words.Count;

    /// <summary>Three or four Han characters: the lengths a one-character typo is corrected in.</summary>
    public static bool IsWord(string text) => text.Length is 3 or 4 && text.All(BilingualTokenizer.IsHan);

    public bool Contains(string word) => words.Contains(word);

    /// <summary>The most frequent word one character away from <paramref name="typed"/>, or null.</summary>
    public string? Closest(string typed)
    {
        string? best = null;
        var bestFrequency = -1;
        for (var i = 0; i < typed.Length; i++)
        {
            if (!byBlanked.TryGetValue(Blanked(typed, i), out var list))
            {
                continue;
            }

            foreach (var (word, frequency) in list)
            {
                if (frequency > bestFrequency || (frequency == bestFrequency && string.CompareOrdinal(word, best) < 0))
                {
                    (best, bestFrequency) = (word, frequency);
                }
            }
        }

        return best;
    }

    private static string Blanked(string word, int at) => string.Create(word.Length, (word, at), static (span, state) =>
    {
        state.word.CopyTo(span);
        span[state.at] = Blank;
    });
}
