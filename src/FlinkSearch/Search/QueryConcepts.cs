using FlinkSearch.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FlinkSearch.Search;

/// <summary>
/// One thing the user asked for, in every form that counts as the same (a synonym set, or one word);
/// <paramref name="TypedKey"/> is the synonym key of the form the user typed.
/// </summary>
public sealed record QueryConcept(IReadOnlyList<string> Variants, string TypedKey);

/// <summary>
/// Splits query text into concepts: spans that match an entry of the synonym sets (longest first, Latin entries only
/// on word boundaries) become one concept with all the set's terms; the words of the rest become a concept each.
/// </summary>
public static class QueryConcepts
{
    public static IReadOnlyList<QueryConcept> Split(string text, SynonymSets synonyms, Analyzer words, int max)
    {
        var (key, origin) = Keyed(text);
        var concepts = new List<QueryConcept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unmatchedFrom = 0;
        var k = 0;
        while (k < key.Length && concepts.Count < max)
        {
            var length = LongestMatch(text, key, origin, k, synonyms);
            if (length == 0)
            {
                k++;
                continue;
            }

            AddWords(text, unmatchedFrom, origin[k], words, concepts, seen);
            var typed = key.Substring(k, length);
            if (seen.Add(typed))
            {
                concepts.Add(new QueryConcept(synonyms.VariantsOf(typed)!, typed));
            }

            unmatchedFrom = origin[k + length - 1] + 1;
            k += length;
        }

        AddWords(text, unmatchedFrom, text.Length, words, concepts, seen);
        return concepts.Count > max ? concepts[..max] : concepts;
    }

    /// <summary>The synonym key of the text, with the position in the text of each key character.</summary>
    private static (string Key, int[] Origin) Keyed(string text)
    {
        var key = new char[text.Length];
        var origin = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var folded = CharacterFolding.Fold(text[i]);
            if (char.IsLetterOrDigit(folded))
            {
                key[n] = char.ToLowerInvariant(folded);
                origin[n++] = i;
            }
        }

        return (new string(key, 0, n), origin[..n]);
    }

    private static int LongestMatch(string text, string key, int[] origin, int k, SynonymSets synonyms)
    {
        if (!IsBoundary(text, key, origin, k))
        {
            return 0;
        }

        for (var length = Math.Min(synonyms.LongestKey, key.Length - k); length >= 1; length--)
        {
            if (IsBoundary(text, key, origin, k + length) && synonyms.VariantsOf(key.Substring(k, length)) is not null)
            {
                return length;
            }
        }

        return 0;
    }

    // Han text has no word boundaries to respect; Latin words end at a separator, a script change or a case change.
    private static bool IsBoundary(string text, string key, int[] origin, int k)
    {
        if (k == 0 || k == key.Length || BilingualTokenizer.IsHan(key[k]) || BilingualTokenizer.IsHan(key[k - 1]))
        {
            return true;
        }

        return origin[k] - origin[k - 1] > 1 || (char.IsUpper(text[origin[k]]) && char.IsLower(text[origin[k - 1]]));
    }

    private static void AddWords(string text, int start, int end, Analyzer words, List<QueryConcept> concepts, HashSet<string> seen)
    {
        if (start >= end)
        {
            return;
        }

        using var stream = words.GetTokenStream(IndexFields.Title, text[start..end]);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (type.Type != BilingualTokenizer.PartType && seen.Add(term.ToString()))
            {
                var typed = text[(start + offsets.StartOffset)..(start + offsets.EndOffset)];
                concepts.Add(new QueryConcept([typed], SynonymSets.KeyOf(typed)));
            }
        }

        stream.End();
    }
}
