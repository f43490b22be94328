using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FlinkSearch.Indexing;
using Lucene.Net.Index;

namespace FlinkSearch.Search;

/// <summary>
/// "Did you mean" for English typos: each Latin word of the query that the index has never seen is replaced by the
/// closest word of the index vocabulary or the synonym sets (at most one edit for short words, two for longer ones;
/// transpositions count as one edit, so <c>checkpiont</c> → <c>checkpoint</c>).
/// </summary>
public sealed partial class SpellingCorrector(SynonymDictionary synonyms)
{
    private static readonly string[] VocabularyFields = [IndexFields.Title, IndexFields.SectionText, IndexFields.Note, IndexFields.All];
    private static readonly ConditionalWeakTable<object, (string Word, int Frequency)[]> VocabularyByReader = [];

    /// <summary>The corrected query text, or null when every word is known or nothing is close enough.</summary>
    public string? Correct(IndexReader reader, string text)
    {
        var changed = false;
        var corrected = LatinWord().Replace(text, match =>
        {
            var word = match.Value.ToLowerInvariant();
            if (IsKnown(reader, word) || Closest(reader, word) is not { } replacement)
            {
                return match.Value;
            }

            changed = true;
            return replacement;
        });
        return changed ? corrected : null;
    }

    private bool IsKnown(IndexReader reader, string word) =>
        synonyms.Current.VariantsOf(word) is not null
        || VocabularyFields.Any(field => reader.DocFreq(new Term(field, word)) > 0 || (word.EndsWith('s') && reader.DocFreq(new Term(field, word[..^1])) > 0));

    private string? Closest(IndexReader reader, string word)
    {
        var allowed = word.Length <= 4 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = -1;
        foreach (var (candidate, frequency) in Vocabulary(reader))
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed || candidate == word)
            {
                continue;
            }

            var distance = EditDistance(word, candidate, allowed);
            if (distance <= allowed && (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency)))
            {
                (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }

        return best;
    }

    private IEnumerable<(string Word, int Frequency)> Vocabulary(IndexReader reader)
    {
        foreach (var word in IndexVocabulary(reader))
        {
            yield return word;
        }

        foreach (var term in synonyms.Current.Sets.SelectMany(set => set))
        {
            if (term.Length >= 3 && term.All(char.IsAsciiLetter))
            {
                yield return (term.ToLowerInvariant(), 0);
            }
        }
    }

    // Reading the Latin words out of every term of four fields took ~15 ms per unknown word at 100k articles; a
    // generation's terms never change, so they are read once per reader (the list is a few thousand words).
    private static (string Word, int Frequency)[] IndexVocabulary(IndexReader reader) =>
        VocabularyByReader.GetValue(reader.CoreCacheKey, _ => ReadVocabulary(reader));

    private static (string Word, int Frequency)[] ReadVocabulary(IndexReader reader)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
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
            }
        }

        return [.. words.Select(word => (word.Key, word.Value))];
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping past <paramref name="limit"/>.</summary>
    public static int EditDistance(string a, string b, int limit = int.MaxValue)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
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

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LatinWord();
}
