using System.Buffers;
using System.Text.RegularExpressions;
using FlinkSearch.Indexing;

namespace FlinkSearch.Search;

/// <summary>Query text reduced to what the answer depends on, so that one search typed two ways is cached once.</summary>
public static partial class QueryText
{
    // Characters that Lucene's query syntax reads. Text holding any of them (or an upper-case operator) keeps its case
    // and width: there, AND differs from "and", and a field name from its full-width look-alike.
    private static readonly SearchValues<char> SyntaxCharacters = SearchValues.Create("\"()*~^\\[]{}?:+-!&|/");

    /// <summary>
    /// Trimmed, inner whitespace collapsed to one space; for plain words also full-width letters and digits folded and
    /// Latin letters lower-cased, as the analysis does anyway: <c>Checkpoint </c>, <c>checkpoint</c> and
    /// <c>ｃｈｅｃｋｐｏｉｎｔ</c> are one search.
    /// </summary>
    public static string Normalize(string text)
    {
        var spaced = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (spaced.AsSpan().ContainsAny(SyntaxCharacters) || Operator().IsMatch(spaced))
        {
            return spaced;
        }

        return string.Create(spaced.Length, spaced, static (folded, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = char.IsAsciiLetterOrDigit(source[i]) ? source[i] : WidthFolded(source[i]);
                folded[i] = char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c;
            }
        });
    }

    // Full-width letters and digits only: full-width punctuation could turn into syntax once folded.
    private static char WidthFolded(char c)
    {
        var folded = c is >= '\uFF10' and <= '\uFF5A' ? CharacterFolding.Fold(c) : c;
        return char.IsAsciiLetterOrDigit(folded) ? folded : c;
    }

    [GeneratedRegex(@"\b(?:AND|OR|NOT|TO)\b")]
    private static partial Regex Operator();
}
