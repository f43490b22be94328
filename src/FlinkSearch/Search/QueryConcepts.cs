using FlinkSearch.Indexing;

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
    /// <summary>The concepts of <paramref name="text"/>, given its analysed <paramref name="tokens"/> (whole words and parts, with offsets).</summary>
    public static IReadOnlyList<QueryConcept> Split(string text, IReadOnlyList<QueryToken> tokens, Func<string, IReadOnlyList<QueryToken>> tokenize, SynonymSets synonyms, int max)
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

            AddWords(text, tokens, tokenize, unmatchedFrom, keys.StartOf(k), concepts, seen);
            var typedKey = keys.Key.Substring(k, length);
            if (seen.Add(typedKey))
            {
                var typed = text[keys.StartOf(k)..keys.EndOf(k + length)];
                concepts.Add(new QueryConcept(synonyms.VariantsOf(typedKey)!, typedKey, typed, synonyms.SetsOf(typedKey)));
            }

            unmatchedFrom = keys.EndOf(k + length);
            k += length;
        }

        AddWords(text, tokens, tokenize, unmatchedFrom, text.Length, concepts, seen);
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
            if (keys.IsBoundary(k + length) && synonyms.HasKey(keys.Key.AsSpan(k, length)))
            {
                return length;
            }
        }

        return 0;
    }

    // The whole words between synonym matches become a concept each. Where the text's words straddle a match (SmartCn
    // cut across it), the words between are analysed on their own.
    private static void AddWords(
        string text, IReadOnlyList<QueryToken> tokens, Func<string, IReadOnlyList<QueryToken>> tokenize, int start, int end, List<QueryConcept> concepts, HashSet<string> seen)
    {
        if (start >= end)
        {
            return;
        }

        var offset = 0;
        if (tokens.Any(token => token.Start < start ? token.End > start : token.Start < end && token.End > end))
        {
            (tokens, offset) = (tokenize(text[start..end]), start);
        }

        foreach (var token in tokens)
        {
            var (from, to) = (token.Start + offset, token.End + offset);
            if (!token.IsPart && from >= start && to <= end && seen.Add(token.Term))
            {
                var typed = text[from..to];
                concepts.Add(new QueryConcept([typed], SynonymSets.KeyOf(typed), typed));
            }
        }
    }
}

/// <summary>One token of the analysed query text: a whole word or a part of a compound, where it stands and where it came from.</summary>
public readonly record struct QueryToken(string Term, bool IsPart, int Start, int End, int Position);
