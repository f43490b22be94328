using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FlinkSearch.Indexing;
using Lucene.Net.Index;

namespace FlinkSearch.Search;

/// <summary>A spelling correction: the corrected text, and whether a Chinese term in it occurred nowhere as typed.</summary>
public sealed record SpellingCorrection(string Text, bool HanTypo);

/// <summary>
/// Spelling corrections. Each Latin word of the query that the index has never seen is replaced by the closest word of
/// the index vocabulary or the synonym sets (at most one edit for short words, two for longer ones; transpositions
/// count as one edit, so <c>checkpiont</c> → <c>checkpoint</c>); a Chinese term with one wrong character by the known
/// word it most likely meant (<see cref="HanTypos"/>).
/// </summary>
public sealed partial class SpellingCorrector(SynonymDictionary synonyms)
{
    private static readonly string[] VocabularyFields = [IndexFields.Title, IndexFields.SectionText, IndexFields.Note, IndexFields.All];
    private static readonly ConditionalWeakTable<object, IndexWords> WordsByReader = [];
    private static readonly ConditionalWeakTable<SynonymSets, IndexWords> SynonymWords = [];

    /// <summary>
    /// The corrected query text, or null when every word is known or nothing is close enough. Without
    /// <paramref name="latin"/> only Chinese terms are looked at (the query found plenty: an unknown Latin word may be
    /// a name the index lacks, while three or four Chinese characters found together nowhere rarely are).
    /// </summary>
    public SpellingCorrection? Correct(IndexReader reader, string text, bool latin = true)
    {
        var latinCorrected = latin ? CorrectLatin(reader, text) : null;
        var han = HanTypos.HasStandaloneTerm(text)
            ? HanTypos.Correct(reader, latinCorrected ?? text, IndexVocabulary(reader).Han, SynonymVocabulary(synonyms.Current).Han)
            : null;
        return han is not null ? new SpellingCorrection(han, HanTypo: true)
            : latinCorrected is not null ? new SpellingCorrection(latinCorrected, HanTypo: false) : null;
    }

    private string? CorrectLatin(IndexReader reader, string text)
    {
        var changed = false;
        var terms = new TermLookup(reader);
        var corrected = LatinWord().Replace(text, match =>
        {
            var word = match.Value.ToLowerInvariant();
            if (IsKnown(terms, word) || Closest(reader, word) is not { } replacement)
            {
                return match.Value;
            }

            changed = true;
            return replacement;
        });
        return changed ? corrected : null;
    }

    private bool IsKnown(TermLookup terms, string word) =>
        synonyms.Current.VariantsOf(word) is not null
        || VocabularyFields.Any(field => terms.DocFreq(new Term(field, word)) > 0 || (word.EndsWith('s') && terms.DocFreq(new Term(field, word[..^1])) > 0));

    private string? Closest(IndexReader reader, string word)
    {
        var allowed = word.Length <= 4 ? 1 : 2;
        var best = (Word: (string?)null, Distance: int.MaxValue, Frequency: -1);
        best = ClosestIn(IndexVocabulary(reader).Latin, word, allowed, best);
        return ClosestIn(SynonymVocabulary(synonyms.Current).Latin, word, allowed, best).Word;
    }

    // Only the words whose length is within the edits allowed can be close enough: the vocabulary is ordered by length,
    // so a search compares those few hundred words, not the thousands of the whole index.
    private static (string? Word, int Distance, int Frequency) ClosestIn(
        Vocabulary vocabulary, string word, int allowed, (string? Word, int Distance, int Frequency) best)
    {
        var words = vocabulary.OfLength(word.Length - allowed, word.Length + allowed);
        var letters = LettersOf(word);
        foreach (var (candidate, frequency, candidateLetters) in words)
        {
            // One edit adds or removes at most two letters from the set of letters a word uses (a substitution may do
            // both), so a candidate whose set differs by more than twice the edits allowed is too far without the table.
            if (BitOperations.PopCount(letters ^ candidateLetters) > 2 * allowed || candidate == word)
            {
                continue;
            }

            var distance = EditDistance(word, candidate, allowed);
            if (distance <= allowed && (distance < best.Distance || (distance == best.Distance && frequency > best.Frequency)))
            {
                best = (candidate, distance, frequency);
            }
        }

        return best;
    }

    private static IndexWords SynonymVocabulary(SynonymSets sets) => SynonymWords.GetValue(sets, _ => new IndexWords(
        new Vocabulary(sets.Sets.SelectMany(set => set).Where(term => term.Length >= 3 && term.All(char.IsAsciiLetter))
            .Select(term => (term.ToLowerInvariant(), 0))),
        new HanWords(sets.Sets.SelectMany(set => set).Select(term => (SynonymSets.KeyOf(term), 0)))));

    // Reading the words out of every term of four fields took ~15 ms per unknown word at 100k articles; a generation's
    // terms never change, so they are read once per reader (a few thousand Latin words and Chinese words of 3–4 characters).
    private static IndexWords IndexVocabulary(IndexReader reader) =>
        WordsByReader.GetValue(reader.CoreCacheKey, _ => ReadVocabulary(reader));

    private static IndexWords ReadVocabulary(IndexReader reader)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var han = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in VocabularyFields)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var e = terms.GetEnumerator();
            while (e.MoveNext())
            {
                var term = e.Term.Utf8ToString();
                if (term.Length >= 3 && term.All(char.IsAsciiLetterLower))
                {
                    words[term] = Math.Max(words.GetValueOrDefault(term), e.DocFreq);
                }
                else if (HanWords.IsWord(term))
                {
                    han[term] = Math.Max(han.GetValueOrDefault(term), e.DocFreq);
                }
            }
        }

        return new IndexWords(new Vocabulary(words.Select(word => (word.Key, word.Value))), new HanWords(han.Select(word => (word.Key, word.Value))));
    }

    private sealed record IndexWords(Vocabulary Latin, HanWords Han);

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping past <paramref name="limit"/>.</summary>
    public static int EditDistance(string a, string b, int limit = int.MaxValue)
    {
        // Three rows of the table; words longer than a stack buffer's worth are not typos this corrects anyway.
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 256 ? stackalloc int[width * 3] : new int[width * 3];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    /// <summary>The set of Latin letters in <paramref name="word"/>, one bit each (case aside).</summary>
    private static uint LettersOf(string word)
    {
        var letters = 0u;
        foreach (var c in word)
        {
            letters |= char.IsAsciiLetter(c) ? 1u << ((c | 0x20) - 'a') : 0u;
        }

        return letters;
    }

    /// <summary>
    /// Words with their document frequency and letter set, ordered by length (then text), each length's run found by a
    /// binary search.
    /// </summary>
    private sealed class Vocabulary
    {
        private readonly (string Word, int Frequency, uint Letters)[] words;

        public Vocabulary(IEnumerable<(string Word, int Frequency)> entries)
        {
            words = [.. entries.Select(entry => (entry.Word, entry.Frequency, LettersOf(entry.Word)))];
            Array.Sort(words, (x, y) => x.Word.Length != y.Word.Length ? x.Word.Length - y.Word.Length : string.CompareOrdinal(x.Word, y.Word));
        }

        public ReadOnlySpan<(string Word, int Frequency, uint Letters)> OfLength(int shortest, int longest)
        {
            var from = FirstLongerThan(shortest - 1);
            return words.AsSpan(from, FirstLongerThan(longest) - from);
        }

        private int FirstLongerThan(int length)
        {
            int low = 0, high = words.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                (low, high) = words[middle].Word.Length <= length ? (middle + 1, high) : (low, middle);
            }

            return low;
        }
    }

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LatinWord();
}
