using FlinkSearch.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FlinkSearch.Search;

/// <summary>
/// One thing the user asked for, in every form that counts as the same (a synonym set, or one word);
/// <paramref name="TypedKey"/> is the synonym key of the form the user typed, <paramref name="Typed"/> the text typed,
/// and <paramref name="SetIndexes"/> the synonym sets it stands for (null for a plain word).
/// </summary>
public sealed record QueryConcept(IReadOnlyList<string> Variants, string TypedKey, string Typed, IReadOnlyList<int>? SetIndexes = null);

/// <summary>
/// Splits query text into concepts: spans that match an entry of the synonym sets (longest first, Latin entries only
/// on word boundaries) become one concept with all the set's terms; the words of the rest become a concept each.
/// </summary>
public static class QueryConcepts
{
    public static IReadOnlyList<QueryConcept> Split(string text, SynonymSets synonyms, Analyzer words, int max)
    {
        var keys = SynonymKeys.Of(text);
        var concepts = new List<QueryConcept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unmatchedFrom = 0;
        var k = 0;
        while (k < keys.Length && concepts.Count < max)
        {
            var length = LongestMatch(keys, k, synonyms);
            if (length == 0)
            {
                k++;
                continue;
            }

            AddWords(text, unmatchedFrom, keys.StartOf(k), words, concepts, seen);
            var typedKey = keys.Key.Substring(k, length);
            if (seen.Add(typedKey))
            {
                var typed = text[keys.StartOf(k)..keys.EndOf(k + length)];
                concepts.Add(new QueryConcept(synonyms.VariantsOf(typedKey)!, typedKey, typed, synonyms.SetsOf(typedKey)));
            }

            unmatchedFrom = keys.EndOf(k + length);
            k += length;
        }

        AddWords(text, unmatchedFrom, text.Length, words, concepts, seen);
        return concepts.Count > max ? concepts[..max] : concepts;
    }

    private static int LongestMatch(SynonymKeys keys, int k, SynonymSets synonyms)
    {
        if (!keys.IsBoundary(k))
        {
            return 0;
        }

        for (var length = Math.Min(synonyms.LongestKey, keys.Length - k); length >= 1; length--)
        {
            if (keys.IsBoundary(k + length) && synonyms.VariantsOf(keys.Key.Substring(k, length)) is not null)
            {
                return length;
            }
        }

        return 0;
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
                concepts.Add(new QueryConcept([typed], SynonymSets.KeyOf(typed), typed));
            }
        }

        stream.End();
    }
}
